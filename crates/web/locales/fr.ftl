# Accord — français. Les messages absents sont pris dans en.ftl.

site-name = Accord
site-tagline = Les processus intergouvernementaux, de la consultation à l'adoption
nav-processes = Processus
nav-actors = Acteurs
nav-language = Langue
nav-main = Navigation principale
skip-to-content = Aller au contenu
breadcrumb = Vous êtes ici
breadcrumb-home = Accueil
footer-about = Accord est une plateforme ouverte pour conduire les processus intergouvernementaux : consultations, bilan, négociation et adoption.
footer-api = API JSON
pagination-next = Page suivante

home-title = Processus intergouvernementaux
home-intro = Suivez chaque processus de son mandat au texte adopté : ses phases, ses réunions et ses documents, et les États et organisations qui y prennent part.
home-none = Aucun processus pour l'instant.
home-open-process = Ouvrir le processus

process-current-phase = Phase en cours
process-no-current-phase = Aucune phase en cours aujourd'hui
process-mandate = Mandat
process-co-facilitators = Cofacilitateurs
process-secretariat = Secrétariat
process-languages = Langues officielles
process-timeline = Chronologie
process-timeline-description = Les phases et les réunions du processus sur un axe du temps. Chaque réunion figure aussi dans la liste ci-dessous.
process-timeline-continues = Le processus se poursuit par le suivi et l'examen ; ces réunions figurent avec les autres.
process-phases = Phases
process-meetings = Réunions
process-documents = Documents
process-themes = Thèmes
process-view-all-meetings = Toutes les réunions
process-view-documents = Tous les documents
process-key-facts = Repères
process-overview = Présentation
phase-open-ended = en cours
phase-dates = { $start } – { $end }
phase-since = depuis le { $start }

phase-consultation = Consultation
phase-stocktaking = Bilan
phase-negotiation = Négociation
phase-adoption = Adoption
phase-follow_up = Suivi et examen

meeting-kind-thematic_session = Session thématique
meeting-kind-regional_consultation = Consultation régionale
meeting-kind-multi_stakeholder_hearing = Audition multipartite
meeting-kind-preparatory_meeting = Réunion préparatoire
meeting-kind-negotiation_round = Cycle de négociations
meeting-kind-informal_consultation = Consultation informelle
meeting-kind-conference = Conférence
meeting-kind-plenary_meeting = Séance plénière
meeting-kind-review_forum = Forum d'examen
meeting-kinds-thematic_session = Sessions thématiques
meeting-kinds-regional_consultation = Consultations régionales
meeting-kinds-multi_stakeholder_hearing = Auditions multipartites
meeting-kinds-preparatory_meeting = Réunions préparatoires
meeting-kinds-negotiation_round = Cycles de négociations
meeting-kinds-informal_consultation = Consultations informelles
meeting-kinds-conference = Conférences
meeting-kinds-plenary_meeting = Séances plénières
meeting-kinds-review_forum = Forums d'examen

meetings-title = Réunions
meetings-filter-kind = Type de réunion
meetings-all-kinds = Tous les types
meetings-filter-apply = Afficher
meetings-count = { $count ->
    [one] Une réunion
   *[other] { $count } réunions
}
meetings-none = Aucune réunion de ce type.
meeting-kind = Type
meeting-title = Titre
meeting-dates = Dates
meeting-venue = Lieu
meeting-venue-unknown = Non confirmé
meeting-chairs = Présidence
meeting-agenda = Ordre du jour
meeting-agenda-none = Aucun point de l'ordre du jour n'a été publié.
meeting-themes = Thèmes
meeting-documents = Documents
meeting-documents-none = Aucun document n'a été publié pour cette réunion.
meeting-note = Note
meeting-number = N° { $number }
meeting-process = Processus

documents-title = Documents
documents-intro = Les documents du processus publiés à ce jour, par date.
documents-none = Aucun document n'a été publié.
document-symbol = Cote
document-title = Titre
document-kind = Type
document-date = Date
document-languages = Langues
document-meeting = Réunion
document-kind-issue_brief = Note thématique
document-kind-concept_note = Note de cadrage
document-kind-programme = Programme
document-kind-report = Rapport
document-kind-draft = Projet
document-kind-summary = Résumé
document-kind-letter = Lettre
document-kind-non_paper = Document officieux
document-kind-resolution = Résolution
document-kind-outcome_document = Document final

taxonomy-thematic-sessions = Thèmes des sessions thématiques
taxonomy-objectives = Objectifs

actors-title = Acteurs
actors-intro = États Membres, États observateurs, groupes d'États et organisations qui prennent part aux processus.
actors-all = Tous
actors-count = { $count ->
    [one] Un acteur
   *[other] { $count } acteurs
}
actor-code = Code
actor-name = Nom
actor-kind = Catégorie
actor-region = Région
actor-subregion = Sous-région
actor-official-name = Nom officiel
actor-member-since = Membre de l'Organisation des Nations Unies depuis
actor-members = Membres
actor-member-of = Membre de
actor-m49 = Code M49
actor-iso2 = ISO 3166-1 alpha-2
actor-iso3 = ISO 3166-1 alpha-3
actor-kind-member_state = État Membre
actor-kind-observer_state = État observateur
actor-kind-group = Groupe d'États
actor-kind-un_entity = Entité des Nations Unies
actor-kind-intergovernmental_organisation = Organisation intergouvernementale
actor-kind-stakeholder_organisation = Organisation de la société civile
actor-kind-individual = Particulier
actor-kinds-member_state = États Membres
actor-kinds-observer_state = États observateurs
actor-kinds-group = Groupes d'États
actor-kinds-un_entity = Entités des Nations Unies
actor-kinds-intergovernmental_organisation = Organisations intergouvernementales
actor-kinds-stakeholder_organisation = Organisations de la société civile
actor-kinds-individual = Particuliers

language-ar = arabe
language-zh = chinois
language-en = anglais
language-fr = français
language-ru = russe
language-es = espagnol

error-not-found-title = Page introuvable
error-not-found-body = Il n'y a rien à cette adresse. La page a peut-être été déplacée, ou le lien est erroné.
error-bad-request-title = Cette demande ne peut pas aboutir
error-unavailable-title = Service momentanément indisponible
error-unavailable-body = Le service ne peut pas joindre sa base de données. Veuillez réessayer dans un instant.
error-internal-title = Une erreur s'est produite
error-internal-body = L'erreur a été consignée. Veuillez réessayer plus tard.
error-back-home = Retour à l'accueil

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
date-full = { $day } { $month } { $year }
date-range-same-month = { $day }–{ $end_day } { $month } { $year }
date-range = { $start } – { $end }
date-month-year = { $month } { $year }

## Signing in
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-signed-in-as = Connecté : { $name }
login-title = Connexion
login-email = Adresse électronique
login-password = Mot de passe
login-submit = Se connecter
login-help = Les comptes sont créés par le secrétariat. En cas d'oubli du mot de passe, demandez un lien de réinitialisation au secrétariat.
login-failed = L'adresse électronique ou le mot de passe est incorrect.
login-throttled = Trop de tentatives infructueuses. Veuillez patienter 15 minutes.
reset-title = Choisir un nouveau mot de passe
reset-new-password = Nouveau mot de passe (12 caractères au moins)
reset-confirm = Confirmer le nouveau mot de passe
reset-submit = Enregistrer le mot de passe
reset-mismatch = Les deux mots de passe ne sont pas identiques.
reset-done-title = Votre mot de passe a été modifié
reset-done-body = Vous pouvez vous connecter avec le nouveau mot de passe. Les sessions antérieures ont été fermées.

## Audit log
nav-audit = Journal d'audit
audit-title = Journal d'audit
audit-action = Action
audit-process = Processus
audit-when = Date
audit-by = Auteur
audit-acting-for = Au nom de
audit-targets = Enregistrements
error-unauthenticated-title = Veuillez vous connecter
error-forbidden-title = Accès refusé

## Speakers' lists
speakers-title = Liste des orateurs
speakers-none = Personne n'a encore demandé la parole.
speakers-speaker = Orateur
speakers-category = Catégorie
speakers-item = Point de l'ordre du jour
speakers-time = Temps
speakers-status = Statut
speaker-category-group = Groupe d'États
speaker-category-ministerial = État (niveau ministériel)
speaker-category-state = État
speaker-category-observer_state = État observateur
speaker-category-un_entity = Entité des Nations Unies ou OIG
speaker-category-stakeholder = Partie prenante
speaker-category-right_of_reply = Droit de réponse
speaker-status-waiting = En attente
speaker-status-speaking = A la parole
speaker-status-spoken = A parlé

## Participants
participants-title = Participants
participants-none = Aucune inscription pour l'instant.

## The secretariat's forms
manage-title = Gérer le processus

## At a meeting
speakers-for = Au nom de
speakers-ministerial = Au niveau ministériel
speakers-ask = Demander la parole
speakers-call = Donner la parole
speakers-done = Marquer comme entendu
participants-register = S'inscrire à cette réunion

## Accreditation
accreditation-title = Accréditation des parties prenantes
