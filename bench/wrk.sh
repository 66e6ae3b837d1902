# Sourced by bench scripts. wrk_rps WRK-ARGS... prints "REQ/S BAD": requests
# per second, and how many answers were not 2xx or 3xx (wrk counts those as
# requests too, so a peer answering 403 would look fast). wrk runs on core
# $WRK_CPU (default 1; the servers are pinned to core 0).
wrk_rps() {
  taskset -c "${WRK_CPU:-1}" wrk "$@" | awk '
    /Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx responses/ { bad = $NF }
    END { printf "%s %d\n", rps, bad }'
}
# nginx_serves URL FILE: exits unless nginx answers URL with 200 and FILE's
# bytes (its worker runs as another user: the files must be readable to it).
nginx_serves() {
  local got
  got=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$1")
  [ "$got" = "200 $(wc -c <"$2")" ] || {
    echo "nginx does not serve $2 at $1 (got: $got)" >&2
    exit 1
  }
}
