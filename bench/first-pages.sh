# Sourced by bench scripts: first_pages BASE prints the path of the first page
# of each kind a visitor meets (home, process, meeting, draft, compilation,
# vote page), the links resolved from the running server at BASE.
first_pages() {
  local base=$1 meeting draft version
  link() { curl -sf "$base$1" | grep -o "href=\"$2\"" | head -1 | sed 's/^href="//; s/"$//'; }
  meeting=$(link /processes/gcm/meetings '/processes/gcm/meetings/[0-9]*')
  draft=$(link /processes/gcm/drafts '/processes/gcm/drafts/[a-z0-9-]*')
  version=$(curl -sf "$base$draft" | grep -o "href=\"$draft/versions/[0-9]*\"" | tail -1 |
    sed 's/^href="//; s/"$//')
  [ -n "$meeting" ] && [ -n "$draft" ] && [ -n "$version" ] || {
    echo "first_pages: links not found at $base" >&2
    return 1
  }
  printf '%s\n' / /processes/gcm "$meeting" "$draft" "$version/compilation" /processes/gcm/adoptions/2
}
