# Accord — English (complete). Every other language falls back to these messages.

## Page shell
site-name = Accord
site-tagline = Intergovernmental processes, from consultation to adoption
nav-processes = Processes
nav-actors = Actors
nav-language = Language
nav-main = Main navigation
skip-to-content = Skip to content
breadcrumb = You are here
breadcrumb-home = Home
footer-about = Accord is an open platform for running intergovernmental processes: consultations, stocktaking, negotiation and adoption.
footer-api = JSON API
pagination-next = Next page

## Home
home-title = Intergovernmental processes
home-intro = Follow each process from its mandate to the adopted text: its phases, meetings and documents, and the states and organisations taking part.
home-none = No processes yet.
home-open-process = Open the process

## Process
process-current-phase = Current phase
process-no-current-phase = Not in a phase today
process-mandate = Mandate
process-co-facilitators = Co-facilitators
process-secretariat = Secretariat
process-languages = Official languages
process-timeline = Timeline
process-timeline-description = Phases and meetings of the process on a time axis. Every meeting is also listed below.
process-timeline-continues = The process continues with follow-up and review; those meetings are listed with the others.
process-phases = Phases
process-meetings = Meetings
process-documents = Documents
process-themes = Themes
process-view-all-meetings = All meetings
process-view-documents = All documents
process-key-facts = Key facts
process-overview = Overview
phase-open-ended = ongoing
phase-dates = { $start } – { $end }
phase-since = since { $start }

## Phases
phase-consultation = Consultation
phase-stocktaking = Stocktaking
phase-negotiation = Negotiation
phase-adoption = Adoption
phase-follow_up = Follow-up and review

## Meeting kinds (singular, and plural for filters)
meeting-kind-thematic_session = Thematic session
meeting-kind-regional_consultation = Regional consultation
meeting-kind-multi_stakeholder_hearing = Multi-stakeholder hearing
meeting-kind-preparatory_meeting = Preparatory meeting
meeting-kind-negotiation_round = Negotiation round
meeting-kind-informal_consultation = Informal consultation
meeting-kind-conference = Conference
meeting-kind-plenary_meeting = Plenary meeting
meeting-kind-review_forum = Review forum
meeting-kinds-thematic_session = Thematic sessions
meeting-kinds-regional_consultation = Regional consultations
meeting-kinds-multi_stakeholder_hearing = Multi-stakeholder hearings
meeting-kinds-preparatory_meeting = Preparatory meetings
meeting-kinds-negotiation_round = Negotiation rounds
meeting-kinds-informal_consultation = Informal consultations
meeting-kinds-conference = Conferences
meeting-kinds-plenary_meeting = Plenary meetings
meeting-kinds-review_forum = Review forums

## Meetings
meetings-title = Meetings
meetings-filter-kind = Kind of meeting
meetings-all-kinds = All kinds
meetings-filter-apply = Show
meetings-count = { $count ->
    [one] One meeting
   *[other] { $count } meetings
}
meetings-none = No meetings of this kind.
meeting-kind = Kind
meeting-title = Title
meeting-dates = Dates
meeting-venue = Venue
meeting-venue-unknown = Not confirmed
meeting-chairs = Chaired by
meeting-agenda = Agenda
meeting-agenda-none = No agenda items have been published.
meeting-themes = Themes
meeting-documents = Documents
meeting-documents-none = No documents have been published for this meeting.
meeting-note = Note
meeting-number = No. { $number }
meeting-process = Process

## Documents
documents-title = Documents
documents-intro = Documents of the process published so far, by date.
documents-none = No documents have been published.
document-symbol = Symbol
document-title = Title
document-kind = Kind
document-date = Date
document-languages = Languages
document-meeting = Meeting
document-no-symbol = —
document-kind-issue_brief = Issue brief
document-kind-concept_note = Concept note
document-kind-programme = Programme
document-kind-report = Report
document-kind-draft = Draft
document-kind-summary = Summary
document-kind-letter = Letter
document-kind-non_paper = Non-paper
document-kind-resolution = Resolution
document-kind-outcome_document = Outcome document

## Themes
taxonomy-thematic-sessions = Thematic-session topics
taxonomy-objectives = Objectives

## Actors
actors-title = Actors
actors-intro = Member states, observer states, groups of states and organisations that take part in processes.
actors-all = All
actors-count = { $count ->
    [one] One actor
   *[other] { $count } actors
}
actor-code = Code
actor-name = Name
actor-kind = Kind
actor-region = Region
actor-subregion = Sub-region
actor-official-name = Official name
actor-member-since = Member of the United Nations since
actor-members = Members
actor-member-of = Member of
actor-m49 = M49 code
actor-iso2 = ISO 3166-1 alpha-2
actor-iso3 = ISO 3166-1 alpha-3
actor-kind-member_state = Member state
actor-kind-observer_state = Observer state
actor-kind-group = Group of states
actor-kind-un_entity = UN entity
actor-kind-intergovernmental_organisation = Intergovernmental organisation
actor-kind-stakeholder_organisation = Stakeholder organisation
actor-kind-individual = Individual
actor-kinds-member_state = Member states
actor-kinds-observer_state = Observer states
actor-kinds-group = Groups of states
actor-kinds-un_entity = UN entities
actor-kinds-intergovernmental_organisation = Intergovernmental organisations
actor-kinds-stakeholder_organisation = Stakeholder organisations
actor-kinds-individual = Individuals

## Languages
language-ar = Arabic
language-zh = Chinese
language-en = English
language-fr = French
language-ru = Russian
language-es = Spanish

## Errors
error-not-found-title = Page not found
error-not-found-body = There is nothing at this address. It may have moved, or the link may be wrong.
error-bad-request-title = This request cannot be answered
error-unavailable-title = Temporarily unavailable
error-unavailable-body = The service cannot reach its data store. Please try again in a moment.
error-internal-title = Something went wrong
error-internal-body = The error has been logged. Please try again later.
error-back-home = Back to the home page

## Dates
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
date-full = { $day } { $month } { $year }
date-range-same-month = { $day }–{ $end_day } { $month } { $year }
date-range = { $start } – { $end }
date-month-year = { $month } { $year }

## Signing in
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-signed-in-as = Signed in as { $name }
login-title = Sign in
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-help = Accounts are created by the secretariat. If you have forgotten your password, ask the secretariat for a reset link.
login-failed = The e-mail address or the password is not right.
login-throttled = Too many failed attempts. Please wait 15 minutes and try again.
reset-title = Choose a new password
reset-new-password = New password (at least 12 characters)
reset-confirm = The new password again
reset-submit = Set the password
reset-mismatch = The two passwords are not the same.
reset-done-title = Your password has been changed
reset-done-body = You can now sign in with your new password. Any earlier sessions have been ended.

## Audit log
nav-audit = Audit log
audit-title = Audit log
audit-intro = Every change made in Accord: who made it, acting for which actor, what, when, and the records it touched. Each entry carries the hash of the one before it.
audit-action = Action
audit-process = Process
audit-when = When
audit-by = By
audit-acting-for = Acting for
audit-targets = Records
error-unauthenticated-title = Please sign in
error-unauthenticated-body = This page is for signed-in users.
error-forbidden-title = Not allowed
error-forbidden-body = Your roles do not allow this.

## Speakers' lists
speakers-title = Speakers' list
speakers-none = Nobody has asked for the floor yet.
speakers-speaker = Speaker
speakers-category = Category
speakers-item = Agenda item
speakers-time = Time
speakers-status = Status
speaker-category-group = Group of states
speaker-category-ministerial = State (ministerial level)
speaker-category-state = State
speaker-category-observer_state = Observer state
speaker-category-un_entity = UN entity or IGO
speaker-category-stakeholder = Stakeholder
speaker-category-right_of_reply = Right of reply
speaker-status-waiting = Waiting
speaker-status-speaking = Speaking
speaker-status-spoken = Spoken

## Participants
participants-title = Participants
participants-none = Nobody has registered yet.

## The secretariat's forms
manage-title = Manage the process
manage-intro = Add meetings, documents and phases. Every change is recorded in the audit log.
manage-meeting = New meeting
manage-document = New document
manage-phase = New phase
manage-actor = New actor or group
manage-slug = Short name (for links)
manage-number = Number
manage-start = Start date
manage-end = End date
manage-venue-name = Building or room
manage-city = City
manage-country = Country (ISO code)
manage-agenda = Agenda items, one per line
manage-distribution = Distribution
manage-public = Public
manage-restricted = Restricted
manage-embargo = Embargoed until (UTC)
manage-phase-kind = Phase
manage-members = Members (codes of states, for a group)
manage-add-meeting = Add the meeting
manage-add-document = Add the document
manage-add-phase = Add the phase
manage-add-actor = Add the actor

## At a meeting
speakers-for = Speak for
speakers-ministerial = At ministerial level
speakers-ask = Ask for the floor
speakers-call = Give the floor
speakers-done = Mark as spoken
participants-register = Register for this meeting

## Accreditation
accreditation-title = Stakeholder accreditation
accreditation-intro = Organisations apply to take part. Member states may object during the no-objection period. The secretariat then decides an application nobody objected to; an application with an objection goes to the body the process's rules name, whose decision the secretariat records. Objections and decisions are kept.
accreditation-applications = Applications
accreditation-none = No applications yet.
accreditation-deadline = Objections until
accreditation-objections = Objections
accreditation-decision = Decision
accreditation-for-state = For
accreditation-reason = Reason
accreditation-object = Object
accreditation-approve = Approve
accreditation-reject = Reject
accreditation-note = Note
accreditation-record = Record the decision
accreditation-apply = Apply for accreditation
accreditation-name = Name of the organisation
accreditation-country = Country (ISO code)
accreditation-website = Website
accreditation-ecosoc = Holds ECOSOC consultative status
accreditation-description = What the organisation does
accreditation-submit = Send the application
accreditation-received = Application { $id } received. Member states may object during the no-objection period; the secretariat then decides.
accreditation-status-pending = Pending
accreditation-status-approved = Approved
accreditation-status-rejected = Rejected
accreditation-status-referred = Referred
accreditation-rule-plenary = Applications to which a member state objects are decided by the plenary.
accreditation-rule-bureau = Applications to which a member state objects are decided by the bureau.
accreditation-deciding-body = Body that decides objected applications
accreditation-body-plenary = The plenary
accreditation-body-bureau = The bureau
accreditation-set-deciding-body = Save the rule
accreditation-referred-to-plenary = Referred to the plenary
accreditation-referred-to-bureau = Referred to the bureau
accreditation-decision-of-plenary = Decision of the plenary
accreditation-decision-of-bureau = Decision of the bureau
accreditation-record-decision-of-plenary = A member state objected: the plenary decides. Record its decision.
accreditation-record-decision-of-bureau = A member state objected: the bureau decides. Record its decision.
accreditation-outcome = Outcome
accreditation-decided-on = Date of the decision
accreditation-decided-at-meeting = Meeting
accreditation-no-meeting = No meeting named
accreditation-reference = Reference (decision symbol)
stakeholder-kind-ngo = Non-governmental organisation
stakeholder-kind-academia = Academia
stakeholder-kind-private_sector = Private sector
stakeholder-kind-trade_union = Trade union
stakeholder-kind-migrants_or_diaspora_organisation = Migrants' or diaspora organisation
stakeholder-kind-local_authority = Local authority
stakeholder-kind-national_human_rights_institution = National human rights institution

## Your account, API tokens, and the secretariat's account desk
nav-accounts = Accounts
role-secretariat = Secretariat
role-co_facilitator = Co-facilitator
role-delegate = Delegate
role-un_entity_representative = UN entity or IGO representative
role-stakeholder_representative = Stakeholder representative
account-title = Your account
account-roles = Your roles
account-no-roles = You hold no role in any process yet: you can read what is published, as the public can.
account-tokens = API tokens
account-tokens-intro = A token lets a script act as you through the JSON API: send it as "Authorization: Bearer …". Name each token after the script that uses it, and revoke it when the script no longer needs it.
account-token-created = Your new token "{ $name }":
account-token-once = Copy it now: it is shown this once, and Accord keeps only a fingerprint of it.
account-token-name = Name
account-token-name-example = e.g. nightly statements export
account-token-created-at = Created
account-token-expires = Expires
account-token-state = State
account-token-active = Active
account-token-revoked = Revoked
account-token-expired = Expired
account-token-revoke = Revoke
account-token-new = New token
account-token-days = Days until it expires (1 to 366)
account-token-create = Create the token
accounts-title = Accounts
accounts-intro = Create accounts for the people who act in a process, and issue password-reset links. Accord sends no e-mail: pass each link on yourself, by a channel you trust.
accounts-new = New account
accounts-email = E-mail address
accounts-name = Name
accounts-role = Role
accounts-no-role = No role yet
accounts-process = Process
accounts-all-processes = Every process
accounts-actor = Acting for (state, group or organisation code)
accounts-new-hint = The new person chooses their own password through the link shown once the account exists; nobody else learns it.
accounts-create = Create the account
accounts-reset = Password-reset link
accounts-issue-link = Issue a link
accounts-link-for = A link for { $email } to choose a password:
accounts-link-once = It works once, within { $hours } hours. Copy it now: it is not shown again.
speakers-time-limits = Time limits
speakers-time-limits-hint = Minutes, or minutes:seconds (15 seconds to 60 minutes). Leave a field empty for the usual limit.
speakers-time-limit-save-one = Set
speakers-time-limit-set = set for this meeting
manage-theme = New theme
manage-theme-code = Code (for links)
manage-theme-taxonomy = Taxonomy (e.g. topics, objectives)
manage-add-theme = Add the theme
manage-process = New process
manage-process-intro = An intergovernmental process, from its mandate to its outcome. Phases, meetings, documents and themes are added on its management page once it exists.
manage-process-title = Title
manage-process-description = Description
manage-process-mandate = Mandate (resolution symbols, separated by commas)
manage-process-languages = Official languages
manage-process-meeting-kinds = Kinds of meeting it holds
manage-process-co-facilitators = Co-facilitators, one per line: Name | Title | state code
manage-process-secretariat = Secretariat, one per line: Name | Title
manage-process-create = Create the process
home-new-process = New process

## The consultation phase
synthetic = Synthetic test data
statement-title = Statement
statements-title = Statements
statements-none = No statements have been published for this meeting.
statement-on-behalf-of = on behalf of
statement-languages = Languages of this statement
statement-no-text = The text of this statement has not been published yet.
statement-add = Add a statement
statement-speaker = Speaker (state, UN entity or organisation code)
statement-for-group = On behalf of a group (code, optional)
statement-delivered-on = Delivered on
statement-text = Text (paragraphs separated by a blank line)
statement-add-submit = Add the statement
text-detected = language detected
distribution-public = Public
distribution-restricted = Member states only
distribution-secretariat = Secretariat only
recommendations-title = Recommendations
recommendations-intro = Concrete, actionable proposals the secretariat found in statements and written inputs, each linked to where it was made.
recommendations-none = No recommendations have been marked yet.
recommendation-mark = Mark a recommendation
recommendation-passage = The passage, as it stands in the text
recommendation-mark-submit = Mark the recommendation
recommendation-source-statement = In statement { $id }
recommendation-source-input = In input { $id }
consultation-title = Call for inputs
consultations-title = Calls for inputs
consultation-open = Open
consultation-closed = Closed
input-send = Send an input
input-send-intro = Anyone may write to this consultation. What you send is published with your organisation and country if you give them; your name is shown only if you give it.
input-author = Your name (optional)
input-organisation = Organisation (optional)
input-country = Country (ISO code, optional)
input-language = Language
input-language-detect = Detect it from the text
input-text = Your input
input-submit = Send the input
inputs-title = Inputs received
inputs-none = No inputs have been published yet.
input-title = Input { $id }
input-kind = Written input
input-no-organisation = A member of the public
statement-upload = Upload a file
statement-file = A file per language: PDF, DOCX, ODT, HTML, Markdown or text, up to { $mb } MB
statement-upload-submit = Upload
text-pending = This file is being read; its text will appear here when it is ready. Reload the page to see it.
text-failed = Nothing could be read from this file; it can still be downloaded.
process-feed = Atom feed of publications
process-calendar = Meetings calendar (iCalendar)

## Search
nav-search = Search
search-title = Search
search-placeholder = Words, or "a phrase in quotes"
search-submit = Search
search-results = { $total ->
    [one] One result
   *[other] { $total } results
}
search-none = Nothing matches. Try fewer words, or remove a filter.
search-facets = Narrow the results
search-kind-statement = Statement
search-kind-document = Document
search-kind-input = Input
search-kind-recommendation = Recommendation
search-facet-process = Process
search-facet-meeting = Meeting
search-facet-meeting_kind = Kind of meeting
search-facet-actor = Actor
search-facet-actor_kind = Kind of actor
search-facet-theme = Theme
search-facet-language = Language
search-facet-year = Year
search-facet-document_kind = Kind of document
search-facet-kind = Kind
pagination-previous = Previous
actor-kind-public = The public
document-upload = Upload a document's file
document-download = Download the { $language } file

## Negotiation: drafts, versions, amendments, compilation, redline, lineage, silence
process-view-drafts = Drafts and negotiation
drafts-title = Drafts
drafts-lead = Negotiating texts: their versions, the amendments proposed on them, and how the paragraphs moved towards agreement.
drafts-none = No draft yet.
drafts-new = New draft
drafts-new-submit = Create the draft
drafts-kind = Kind of draft
drafts-symbol = Document symbol (if any)
draft-kind-negotiating_text = Negotiating text
draft-kind-resolution = Draft resolution
negotiation-simulated = The amendments shown here are a simulation for demonstration. They are not positions of any state or group.
negotiation-simulated-badge = Simulation
draft-versions = Versions
draft-version = Version
draft-issued = Issued
draft-paragraphs = Paragraphs
draft-open-proposals = With open proposals
draft-progress = Progress
draft-progress-label = { $agreed } of { $paragraphs } paragraphs agreed ad ref, { $bracketed } bracketed
draft-read = Read
draft-compilation = Compilation text
draft-redline = Changes from the previous version
draft-no-versions = No version has been issued yet.
draft-import = Import a version
draft-import-help = A DOCX laid out as UN drafts are (numbered paragraphs "1.", sub-paragraphs "(a)", "Objective 1:" headings), or Markdown in Accord's format. Preview first: nothing is stored until you issue it.
draft-import-file = DOCX or Markdown file
draft-import-markdown = Or paste the Markdown
draft-import-preview = Preview
draft-import-issue = Issue as the next version
draft-label = Label
draft-preview-title = What was recognised
draft-preview-counts = { $sections } sections, { $objectives } objectives, { $paragraphs } paragraphs, { $subparagraphs } sub-paragraphs.
draft-preview-line = Line { $line }
draft-revision = Issue a revision
draft-take-up = Amendments to take up as tabled
draft-revision-submit = Issue the revision
version-superseded = A later version exists
version-counts = { $paragraphs } paragraphs: { $agreed } agreed ad ref, { $bracketed } bracketed, { $open } with open proposals.
version-views = Other views of this version
version-lineage = Where its words come from
version-open-proposals = { $count ->
    [one] 1 open proposal
   *[other] { $count } open proposals
}
kind-section = section
kind-paragraph = Paragraph
kind-subparagraph = Sub-paragraph
status-under_negotiation = Under negotiation
status-agreed_ad_ref = Agreed ad ref
status-bracketed = Bracketed
status-deleted = Deleted
status-set = Set a paragraph's status
status-label = Status
status-options = Alternative options (one per line, for a bracketed paragraph)
status-submit = Set the status
op-insert = Insert words
op-delete = Delete words
op-replace = Replace words
op-add = Add a paragraph
op-delete_node = Delete the paragraph
op-move = Move the paragraph
amend-title = Propose an amendment
amend-proposer = For
amend-node = Paragraph
amend-op = Amendment
amend-kind = Kind of new paragraph
amend-co-sponsors = Co-sponsors
amend-co-sponsors-pending = Named as co-sponsors, awaiting their own confirmation:
amend-justification = Justification
amend-submit = Table the amendment
amend-proposers = Proposed by
amend-supporters = Supported by
amend-objectors = Objected to by
amend-actor = State or group
amend-stance = Position
amend-when = When
amendment-title = Amendment A{ $number }
amendment-effect = What it does
amendment-after = A new paragraph after { $node }:
amendment-move-after = Moves the paragraph after { $node }.
amendment-positions = Support and objections
amendment-no-positions = No state has taken a position yet.
amendment-position-submit = Record the position
amendment-withdraw = Withdraw the amendment
amendment-co-sponsor-confirm = Confirm co-sponsorship for { $actor }
amendment-co-sponsor-decline = Decline for { $actor }
amendment-co-sponsor-leave = Withdraw { $actor } as co-sponsor
amendment-outcome = Outcome
amendment-note = Note
amendment-decide = Record the decision
amendment-status-tabled = Tabled
amendment-status-withdrawn = Withdrawn
amendment-status-accepted = Accepted
amendment-status-accepted_as_modified = Accepted as modified
amendment-status-rejected = Rejected
amendment-status-superseded = Superseded
stance-support = Supports
stance-object = Objects
compilation-title = Compilation text
compilation-amendments = Amendments
compilation-actor = State or group
compilation-status = Status
compilation-filter = Show
compilation-shown = { $shown } proposals shown, { $hidden } left out by the filter.
compilation-delete-node = Proposed for deletion
compilation-move-node = Proposed to move elsewhere
compilation-moved-here = Paragraph { $node } proposed to move here
redline-title = Changes
redline-summary = { $added } added, { $deleted } deleted, { $changed } changed, { $moved } moved; { $words_added } words in, { $words_deleted } words out.
redline-from = From
redline-to = To
redline-compare = Compare
redline-changes-only = Only what changed
redline-moved = Moved (it was { $from })
lineage-title = Lineage
lineage-lead = Each word with the version that brought it and the amendment, or the co-facilitators, it came from.
lineage-origins = Origins
lineage-words = Words
lineage-source = From
lineage-cofac = The co-facilitators
lineage-first = The first version
silence-title = Silence procedures
silence-none = No text has been put under silence procedure.
silence-deadline = Deadline
silence-time-zone = Time zone
silence-running = Silence is running.
silence-adopted = Adopted under silence.
silence-broken = Silence was broken.
silence-broken-by = by
silence-letters = Letters breaking silence
silence-letter = Letter of { $state } breaking silence
silence-break-submit = Break silence
silence-open = Put a version under silence procedure
silence-open-submit = Start the silence procedure

## Stocktaking: recommendation candidates
recommendation-candidates = Suggested recommendations
recommendation-candidates-help = Sentences that read like recommendations (in English, French and Spanish). Confirm those that are; the others stay unmarked.
recommendation-confirm = Confirm as a recommendation
recommendation-dismiss = Not a recommendation

## Stocktaking
stocktaking-title = Stocktaking
stocktaking-lead = Everything said and written in the consultations, assessed: the themes it is about, the clusters within each theme, the campaigns, and who said what.
stocktaking-none = Nothing has been analysed yet.
stocktaking-analyse = Analyse the inputs and statements
stocktaking-analyse-help = Finds campaigns, gives each input and statement a theme with a confidence, and clusters each theme. It runs in the background and replaces the previous analysis when it is done; your theme labels are kept and learned from.
stocktaking-threshold = Near-duplicate threshold (0.3–0.99)
stocktaking-analyse-submit = Analyse now
stocktaking-run = { $inputs } inputs and { $statements } statements analysed; { $campaigns } campaigns
stocktaking-themes = Themes
stocktaking-unassigned = { $count } items point to no theme.
stocktaking-theme-counts = { $inputs } inputs, { $statements } statements
stocktaking-clusters = Clusters of similar inputs
stocktaking-key-phrases = Key phrases
stocktaking-inputs = Inputs
stocktaking-representative = Representative inputs
stocktaking-campaign-share = { $inputs } inputs ({ $percent }%) belong to campaigns.
stocktaking-analysis = Analysis
stocktaking-theme = Theme
stocktaking-labelled = labelled by the secretariat
stocktaking-confidence = confidence { $percent }%
stocktaking-no-theme = No theme
stocktaking-campaign = Campaign
stocktaking-correct = Correct the theme
stocktaking-correct-submit = Set the theme
jobs-title = Jobs
job-kind-analysis = Analysis
job-kind-import_inputs = Import of inputs
job-status-running = Running
job-status-succeeded = Done
job-status-failed = Failed
campaigns-title = Campaigns
campaigns-lead = Inputs that are one letter sent many times, word for word or with small edits. Each original input is kept and can be read.
campaigns-all = All campaigns
campaign-title = Campaign { $number }
campaign-size = { $count } inputs
campaign-variants = Variants
campaign-seen = First and last seen
campaign-text = Text
campaign-inputs = Its inputs
who-title = Who said what
who-by-kind = By kind
who-by-region = States by region (statements by states and inputs from them)
who-total = Total
who-inputs = Written inputs
who-unknown = Unknown
who-help = Columns are the themes in the order above, then items with no theme.
report-title = Stocktaking report
report-docx = Word version (DOCX)
report-print = Print this page, or save it as PDF from the print dialogue.
report-received = Inputs received
report-by-language = Inputs by language
report-by-region = Inputs by region
report-over-time = Inputs per week
report-statements-by-kind = Statements by kind of actor
report-figures = The figures as tables
report-method = Campaigns: inputs whose word shingles are at least { $threshold }% alike are one campaign. Themes: assigned by a model learned from the themes' titles, the recommendations given themes and { $labels } labels by the secretariat.
coverage-title = Coverage of recommendations
coverage-lead = For each recommendation, the paragraphs of the draft that answer it: linked by the co-facilitators, or suggested by similarity.
coverage-answered = { $answered } of { $total } recommendations answered
coverage-no-draft = There is no draft yet.
coverage-unanswered = Recurring recommendations no paragraph answers yet
coverage-none-unanswered = Every recurring recommendation is answered.
coverage-times = made { $count } times
coverage-source = source
coverage-linked = Answered by
coverage-none = no paragraph yet
coverage-suggested = Suggested
coverage-link = Link
coverage-unlink = Remove the link to
stocktaking-synthetic = { $count } of the items analysed are synthetic test data, generated to try the system; none was written by a person.
stocktaking-public-only = The analysis covers what everyone may read: items with a restricted distribution, or under embargo when it ran, are left out.

## Adoption and follow-up
adoptions-title = Adoption
adoptions-lead = How the text was adopted: by consensus or by recorded vote, at which meeting, and which adoption endorsed which.
adoptions-none = Nothing has been adopted in this process yet.
adoption-adopted = Adopted
adoption-not-adopted = Not adopted
adoption-method = Method
adoption-method-consensus = By consensus
adoption-method-recorded_vote = By recorded vote
adoption-totals = { $yes } in favour, { $no } against, { $abstain } abstaining, { $not_voting } not voting
adoption-version = Text adopted
adoption-endorses = Endorses
adoption-endorsed-by = Endorsed by
adoption-endorsed-text = the text endorsed
adoption-resolution = The resolution
adoption-resolution-lead = Adopted from the draft resolution
adoption-resolution-preambular = Preambular paragraphs
adoption-resolution-operative = Operative paragraphs
adoption-resolution-not-recorded = The resolution's wording is not recorded here.
adoption-outcome = Outcome
adoption-majority = Majority required
adoption-majority-simple = Simple majority of the members present and voting
adoption-majority-two_thirds = Two-thirds majority of the members present and voting
adoption-needed = { $needed } votes in favour needed
adoption-totals-title = The vote
adoption-vote = Vote
adoption-total = Total
adoption-named = Named in the record
adoption-not-recorded-note = { $count } member states have no vote on record: the sources name them in no column, so the record says “not recorded” rather than guess.
adoption-export-csv = Votes (CSV)
adoption-export-akn = Akoma Ntoso (XML)
adoption-export-svg = Map (SVG)
adoption-map = The vote on a map
adoption-map-alternative = The table of member states below gives the same information as the map.
adoption-not-drawn = Not drawn at this scale
adoption-statements = Statements on the adoption
adoption-statement-explanation_before = Explanation of vote before the vote
adoption-statement-explanation_after = Explanation of vote after the vote
adoption-statement-position = Statement of position
adoption-statement-reservation = Reservation
adoption-statement-dissociation = Dissociation
adoption-states = Member states
adoption-sort = Sort by
adoption-sort-name = Name
adoption-sort-vote = Vote
adoption-sort-region = Region
adoption-subregion = Sub-region
adoption-table-caption = Each member state's vote; “not recorded” where the sources do not say.
vote-yes = In favour
vote-no = Against
vote-abstain = Abstaining
vote-not-voting = Not voting
vote-not-recorded = Not recorded
vote-map-title = World map of the vote: { $title }
vote-map-description = Each member state is filled by its vote, with a pattern as well as a colour; the table of member states gives the same information.
pledges-title = Pledges
pledges-lead = What states and other actors pledged towards the objectives of the adopted text, and the progress they report.
pledges-objectives = Objectives of the adopted text
pledges-nothing-adopted = Pledges are made on an adopted text; nothing has been adopted yet.
pledges-all = All pledges
pledges-none = No pledges yet.
pledge-objectives = Objectives
pledge-status-announced = Announced
pledge-status-in_progress = In progress
pledge-status-fulfilled = Fulfilled
pledge-status-withdrawn = Withdrawn
pledge-reports = { $count ->
    [one] { $count } progress report
   *[other] { $count } progress reports
}
objective-title = Objective { $number }
objective-pledges = { $count ->
    [one] { $count } pledge on this objective, by region
   *[other] { $count } pledges on this objective, by region
}
objective-other-actors = Other actors (not states)

## A version in the six languages
languages-title = Languages
languages-lead = The version in the six official languages, aligned paragraph by paragraph. Where a paragraph is not translated yet, exports keep the original English wording.
languages-progress = Translation progress
languages-language = Language
languages-translated = Translated
languages-updated = Last updated
languages-exports = Exports
languages-original = original
languages-count = { $translated } of { $total } parts
languages-side-by-side = Side by side
languages-left = Left
languages-right = Right
languages-show = Show
languages-status-missing = Not translated yet
languages-upload = Give a translation
languages-upload-help = A DOCX or Markdown file laid out as the original: each heading and paragraph is matched by its identity ({"{"}#id{"}"}, as in the Markdown export) or else by its number. It replaces what this language had.
languages-upload-button = Save the translation

## Taking a vote
adoption-voting = Voting open
adoption-voting-lead = The vote is being taken: { $cast } of { $members } member states have voted. The map and the table below follow the votes as they are cast.
adoption-vote-for = The vote of { $state }
adoption-close-vote = Close the vote
adoption-close-help = Member states that have not voted are recorded as not voting; the totals are counted and the outcome follows.
adoption-link-statement = Statement made at the meeting
adoption-link-kind = Linked as
adoption-link-button = Link the statement
adoption-record = Record an adoption
adoption-version-number = Version number
adoption-vote-open = The vote is taken in Accord: each delegation casts its vote (leave the totals empty)
adoption-record-button = Record the adoption
vote-not-yet = Not yet voted

## Making pledges
pledge-make = Make a pledge
pledge-actor = Pledged by
pledge-made-on = Date
pledge-status = Status
pledge-meeting = Announced at
pledge-title = Title
pledge-description = What is pledged
pledge-make-button = Record the pledge
pledge-report = Report progress
pledge-reported-on = Date of the report
pledge-report-text = Progress
pledge-report-button = Record the report

# The process bar (every page of a process)
process-bar = Sections of { $title }
process-bar-current-phase = current phase
process-bar-follow-up = Follow-up

# The amendment page of a paragraph
amend-this = Propose an amendment
amend-page-title = Amend { $num }
amend-current = The text as it stands
amend-what = What would you change?
amend-op-revise = Change the words
amend-op-add = Add a paragraph after this one
amend-op-move = Move this paragraph
amend-op-delete_node = Delete this paragraph
amend-revised = The paragraph as you would have it
amend-revised-help = Edit the words in the box. What you take out will show struck through, what you add underlined; the change is tabled as one tracked edit.
amend-new-text = Text of the new paragraph
amend-move-after = Move it after
amend-delete-note = The whole paragraph, with its sub-paragraphs, would be deleted.
amend-co-sponsors-help = Each state you name is listed as a co-sponsor once its own delegation confirms. Type its code (MEX) or pick it from the list.
amend-preview = Preview as redline
amend-preview-title = Preview: the paragraph as amended
amend-preview-added = New paragraph
amend-preview-moved = The paragraph moves after { $num }.
amend-preview-help = Nothing has been tabled yet. Change the form below if needed, then table the amendment.
amend-not-latest = This version has been superseded: amendments are tabled on the latest version.
amend-go-latest = Go to the draft
amend-not-negotiating = Amendments are tabled while the process negotiates; it is not in its negotiation phase now.
amend-not-allowed = Amendments are tabled by a delegation of a state, or by the designated speaker of a group.

# One-click actions on a proposal in the compilation
compilation-act = Act
act-support = Support
act-object = Object
act-withdraw = Withdraw
act-accept = Accept
act-reject = Reject
## Who said what (the actor page), documents' own pages
actor-record-title = What it said and did
actor-record-none = Nothing on record that you may see.
actor-record-statements = Statements
actor-record-amendments = Amendments
actor-record-positions = Positions on amendments
actor-record-ballots = Votes on record
actor-record-explanations = Explanations of vote and statements on adoptions
actor-record-pledges = Pledges
actor-record-amendment = Amendment { $number } to { $version }
actor-role-proposer = Proposer
actor-role-co_sponsor = Co-sponsor
actor-role-named_co_sponsor = Named as co-sponsor, not yet confirmed
actor-former-members = Former members
actor-membership-since = since { $date }
actor-membership-until = until { $date }
actor-membership-from-to = { $from } to { $to }
search-kind-actor = Actor
search-kind-meeting = Meeting
document-page-files = Files
document-page-no-files = No file of this document has been uploaded.
document-file-type = Type
document-file-size = Size
document-file-download = Download
document-text-show = Show the text
document-distribution = Distribution
document-embargo = Embargoed until
document-official-record = Official record
document-official-record-link = Open { $symbol } in the official record
manage-process-record-resolver = Official record by symbol: an https:// address in which {"{"}symbol{"}"} stands for the document's symbol (empty: the UN's resolver)
# The secretariat's desk: meetings changed, confirmations
meeting-cancelled = Cancelled
meeting-history = History of changes
meeting-history-edited = Edited
meeting-history-postponed = Postponed from { $before } to { $after }
meeting-history-rescheduled = Rescheduled from { $before } to { $after }
meeting-history-cancelled = Cancelled
meeting-history-reason = reason:
meeting-history-by = by { $name }, { $date }
meeting-field-title = title
meeting-field-start_date = start date
meeting-field-end_date = end date
meeting-field-venue = venue
meeting-field-agenda = agenda
meeting-field-note = note
meeting-field-status = status
desk-meeting-title = Change the meeting
desk-meeting-intro = Edit, postpone or cancel this meeting. Every change is kept in the meeting's history and in the audit log.
desk-meeting-link = Edit, postpone or cancel
desk-meeting-cancelled-no-change = This meeting is cancelled: it can be edited or moved again only once reinstated.
desk-meeting-edit = Edit the meeting
desk-meeting-save = Save the changes
desk-reason-optional = Reason (optional)
desk-reason = Reason
desk-meeting-postpone = Postpone or reschedule
desk-meeting-postpone-intro = Give the new dates and the reason. Later dates are recorded as a postponement, earlier ones as a rescheduling.
desk-new-start = New start date
desk-new-end = New end date
desk-meeting-postpone-button = Move the meeting
desk-meeting-cancel = Cancel the meeting
desk-meeting-cancel-intro = The meeting stays listed, marked cancelled, with the reason.
desk-meeting-cancel-button = Cancel the meeting
done-meeting-edited = The meeting was changed.
done-meeting-postponed = The meeting was postponed.
done-meeting-rescheduled = The meeting was rescheduled.
done-meeting-cancelled = The meeting was cancelled.
meeting-history-reinstated = Reinstated
meeting-field-title_translations = translations of the title
desk-meeting-reinstate = Reinstate the meeting
desk-meeting-reinstate-intro = The meeting will be held after all, on the dates it has. Give the reason: it is kept in the meeting's history.
desk-meeting-reinstate-button = Reinstate the meeting
done-meeting-reinstated = The meeting was reinstated.
record-history-edited = Edited
record-history-withdrawn = Withdrawn
document-field-symbol = symbol
document-field-title = title
document-field-kind = kind
document-field-date = date
document-field-languages = languages
document-field-distribution = distribution
document-field-embargo_until = embargo
document-field-meeting = meeting
document-field-status = status
document-withdrawn = Withdrawn
desk-document-title = Change the document
desk-document-intro = Edit this document's details or withdraw it. Every change is kept in the document's history and in the audit log.
desk-document-link = Edit or withdraw
desk-document-edit = Edit the details
desk-document-save = Save the changes
desk-document-withdraw = Withdraw the document
desk-document-withdraw-intro = A withdrawn document stays readable at its address, marked withdrawn with the reason, and is no longer listed.
desk-document-withdraw-button = Withdraw the document
done-document-edited = The document was changed.
done-document-withdrawn = The document was withdrawn.
done-consultation-opened = The call for inputs was opened.
done-consultation-closed = The call for inputs was closed.
done-consultation-extended = The closing date of the call for inputs was extended.
done-adoption-recorded = The adoption was recorded.

# The secretariat's desk: calls for inputs
calls-title = Calls for inputs
calls-intro = The calls for written inputs of this process: open now, coming, and closed.
calls-open = Open
calls-upcoming = Upcoming
calls-closed = Closed
calls-opens = Opens { $at } UTC
calls-closes = closes { $at } UTC
calls-closed-at = closed { $at } UTC
calls-no-end = no closing date set
calls-closed-reason = Closed early, reason:
calls-close-now = Close now
calls-new-closing = New closing (UTC)
calls-extend = Extend
calls-none = None.
calls-open-new = Open a call for inputs
calls-times-utc = Dates and times are in UTC.
calls-description = Description
calls-opens-label = Opens (UTC)
calls-closes-label = Closes (UTC, optional)
calls-open-button = Open the call

# The secretariat's desk: an adoption's ballots from the form
adoption-ballots-title = States' votes on record (optional)
adoption-ballots-hint = Paste or type the states' codes for each vote, separated by spaces, commas or new lines (e.g. CZE HUN ISR POL USA). A state left out is shown as "not recorded", never guessed.

# The secretariat's desk: what needs attention
attention-title = What needs attention
attention-applications-in-objection-period = applications for accreditation in their no-objection period
attention-applications-to-decide = applications waiting for a decision
attention-applications-referred = applications referred to the deciding body, awaiting its decision
attention-pending-uploads = uploaded files still being read
attention-open-silences = silence procedures running
attention-amendments-awaiting-decision = amendments awaiting a decision
attention-running-jobs = jobs running
attention-failed-jobs = jobs failed
# The vote map when the record counts votes it does not name (issue 16, item 7).
vote-unnamed-lead = The record gives these totals without naming every state. The states it does not name are hatched grey as “not recorded”, whatever their vote was:
vote-unnamed-yes = { $named ->
    [0] { $total } in favour — not named in the record
   *[other] { $total } in favour — { $unnamed } not named in the record
}
vote-unnamed-no = { $named ->
    [0] { $total } against — not named in the record
   *[other] { $total } against — { $unnamed } not named in the record
}
vote-unnamed-abstain = { $named ->
    [0] { $total } abstentions — not named in the record
   *[other] { $total } abstentions — { $unnamed } not named in the record
}
vote-unnamed-not-voting = { $named ->
    [0] { $total } not voting — not named in the record
   *[other] { $total } not voting — { $unnamed } not named in the record
}
vote-map-alt = Each member state's vote is in the table of member states below the map.

# Process and meeting titles in other languages (issue 16, item 6).
title-translations = Title in other languages
title-translations-help = Optional: the title as readers of each language should see it. Left empty, they see the title above.
actor-kind-simulated_delegation = Simulated delegation (demonstration, not a state)
actor-kind-simulated_group = Simulated group (demonstration)
actor-kinds-simulated_delegation = Simulated delegations
actor-kinds-simulated_group = Simulated groups
statement-filed-late = Filed late
statement-filed-late-note = Entered by the secretariat after the meeting's window for statements had closed
adoption-as-it-stands = Adopted as it stands
adoption-not-agreed-listed = Paragraphs not agreed when adopted: { $paragraphs }
adoption-as-it-stands-all-agreed = Every paragraph was agreed
adoption-as-it-stands-field = The meeting decided to adopt the text as it stands (the paragraphs not agreed are listed with the adoption)
silence-adopted-agreed = Its paragraphs were marked agreed ad referendum when the deadline passed.
silence-ended-at-break = It ended at the break of silence:

# Phases as decisions
phases-title = Phases and decisions
phases-intro = Each phase has a plan (its planned dates) and the decisions of the secretariat on it. The plan holds until a decision says otherwise: a phase opened, extended or closed runs by that decision.
phases-none = No phase has been planned for this process yet.
phases-plan = Planned
phases-fact = Decided
phases-opened-on = opened on { $day }
phases-not-opened = not opened by decision (runs as planned)
phases-extended-to = extended to { $day }
phases-closed-on = closed on { $day }
phases-runs = Runs
phases-history = History
phase-change-opened = Opened
phase-change-extended = Extended
phase-change-closed = Closed
phase-change-replanned = Plan changed
phase-field-start_date = planned start
phase-field-end_date = planned end
phase-field-note = note
phase-field-opened_on = opened on
phase-field-extended_to = extended to
phase-field-closed_on = closed on
phases-none-given = none
phases-open = Open this phase
phases-open-button = Open the phase
phases-on = On
phases-extend = Extend this phase
phases-until = New last day
phases-extend-button = Extend the phase
phases-close = Close this phase
phases-last-day = Last day
phases-close-button = Close the phase
phases-replan = Change the plan
phases-replan-button = Save the plan
phases-link = Phases and decisions
done-phase-opened = The phase was opened.
done-phase-extended = The phase was extended.
done-phase-closed = The phase was closed.
done-phase-replanned = The phase’s plan was changed.
statement-spoken-by = spoken by
text-looks-like = This text looks like { $detected }, not { $declared }.
text-two-versions = Two versions in { $language }:
text-version-typed = typed
text-version-file = from the file { $file }
text-version-stands = The version shown: { $version }.
text-version-open = It stays shown until the secretariat chooses which version stands.
text-version-chosen = Chosen by { $by } on { $date }.
text-version-read-other = Read the other version ({ $version })
text-choose = Which version of the text in { $language } stands?
text-choose-submit = Choose this version

process-field-title = title
process-field-title_translations = title in other languages
process-field-description = description
process-field-mandate = mandate
process-field-languages = official languages
process-field-co_facilitators = co-facilitators
process-field-secretariat = secretariat
process-field-meeting_kinds = meeting kinds
process-field-record_resolver = official record
desk-process-title = Correct the process
desk-process-intro = Correct what this process holds: its title, mandate, languages, officers and where its documents' official record is found. Every change is kept in the process's history and in the audit log.
desk-process-link = Correct the process
desk-process-slug-stays = (the address stays)
desk-process-save = Save the changes
done-process-edited = The process was corrected.
# Statements of intention after a vote (issue 17, item 6)
vote-intended-yes = intended to vote in favour
vote-intended-no = intended to vote against
vote-intended-abstain = intended to abstain
adoption-intention-title = A statement of intention after the vote
adoption-intention-lead = A delegation that says, after the vote, that it intended to vote otherwise: its statement is shown beside its recorded vote, which stands, as do the totals.
adoption-intention-state = Member state
adoption-intention-vote = Intended vote
adoption-intention-button = Record the statement of intention

# Presence at a vote (issue 17, item 6)
adoption-present-and-voting = Members present and voting
adoption-present-and-voting-count = Present and voting: { $voting }; majority required: { $needed }
adoption-present-count = present: { $present }, of whom { $abstaining } abstaining (present but not voting)
adoption-present-field = States present (if the record lists them)
adoption-present-hint = The codes of the member states present at the vote. Every state recorded as voting yes, no or abstaining must be among them; abstaining states are present but not voting. Leave empty when the record does not say.
