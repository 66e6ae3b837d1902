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
accreditation-intro = Les organisations présentent une demande de participation. Les États Membres peuvent formuler des objections dans le délai prévu par la procédure d'approbation tacite. Le Secrétariat se prononce ensuite sur les demandes qui n'ont suscité aucune objection ; une demande ayant fait l'objet d'une objection est renvoyée à l'organe désigné par le règlement du processus, dont le Secrétariat consigne la décision. Les objections et les décisions sont conservées.
accreditation-applications = Demandes
accreditation-none = Aucune demande pour l'instant.
accreditation-deadline = Délai pour les objections
accreditation-objections = Objections
accreditation-decision = Décision
accreditation-for-state = Au nom de
accreditation-reason = Motif
accreditation-object = Formuler une objection
accreditation-approve = Approuver
accreditation-reject = Rejeter
accreditation-note = Note
accreditation-record = Enregistrer la décision
accreditation-apply = Demander l'accréditation
accreditation-name = Nom de l'organisation
accreditation-country = Pays (code ISO)
accreditation-website = Site Web
accreditation-ecosoc = Dotée du statut consultatif auprès de l'ECOSOC
accreditation-description = Activités de l'organisation
accreditation-submit = Envoyer la demande
accreditation-received = La demande n° { $id } a bien été reçue. Les États Membres peuvent formuler des objections dans le délai prévu par la procédure d'approbation tacite ; le Secrétariat se prononcera ensuite.
accreditation-status-pending = En attente
accreditation-status-approved = Approuvée
accreditation-status-rejected = Rejetée
accreditation-status-referred = Renvoyée
accreditation-rule-plenary = Les demandes auxquelles un État Membre a fait objection sont tranchées par la plénière.
accreditation-rule-bureau = Les demandes auxquelles un État Membre a fait objection sont tranchées par le Bureau.
accreditation-deciding-body = Organe qui se prononce sur les demandes ayant fait l'objet d'une objection
accreditation-body-plenary = La plénière
accreditation-body-bureau = Le Bureau
accreditation-set-deciding-body = Enregistrer la règle
accreditation-referred-to-plenary = Renvoyée à la plénière
accreditation-referred-to-bureau = Renvoyée au Bureau
accreditation-decision-of-plenary = Décision de la plénière
accreditation-decision-of-bureau = Décision du Bureau
accreditation-record-decision-of-plenary = Un État Membre a fait objection : la plénière se prononce. Consignez sa décision.
accreditation-record-decision-of-bureau = Un État Membre a fait objection : le Bureau se prononce. Consignez sa décision.
accreditation-outcome = Issue
accreditation-decided-on = Date de la décision
accreditation-decided-at-meeting = Séance
accreditation-no-meeting = Aucune séance indiquée
accreditation-reference = Référence (cote de la décision)
stakeholder-kind-ngo = Organisation non gouvernementale
stakeholder-kind-academia = Milieux universitaires
stakeholder-kind-private_sector = Secteur privé
stakeholder-kind-trade_union = Syndicat
stakeholder-kind-migrants_or_diaspora_organisation = Organisation de migrants ou de la diaspora
stakeholder-kind-local_authority = Autorité locale
stakeholder-kind-national_human_rights_institution = Institution nationale des droits de l'homme

## Documents
document-no-symbol = —

## Audit log
audit-intro = Toutes les modifications apportées dans Accord : qui les a faites, au nom de quel acteur, quoi, quand, et les enregistrements concernés. Chaque entrée contient le hachage de l'entrée précédente.
error-unauthenticated-body = Cette page est réservée aux utilisateurs connectés.
error-forbidden-body = Vos rôles ne vous permettent pas d'effectuer cette action.

## The secretariat's forms
manage-intro = Ajoutez des réunions, des documents et des phases. Chaque modification est consignée dans le journal d'audit.
manage-meeting = Nouvelle réunion
manage-document = Nouveau document
manage-phase = Nouvelle phase
manage-actor = Nouvel acteur ou groupe
manage-slug = Nom court (pour les liens)
manage-number = Numéro
manage-start = Date de début
manage-end = Date de fin
manage-venue-name = Bâtiment ou salle
manage-city = Ville
manage-country = Pays (code ISO)
manage-agenda = Points de l'ordre du jour, un par ligne
manage-distribution = Distribution
manage-public = Publique
manage-restricted = Restreinte
manage-embargo = Sous embargo jusqu'au (UTC)
manage-phase-kind = Phase
manage-members = Membres (codes des États, pour un groupe)
manage-add-meeting = Ajouter la réunion
manage-add-document = Ajouter le document
manage-add-phase = Ajouter la phase
manage-add-actor = Ajouter l'acteur

## Your account, API tokens, and the secretariat's account desk
nav-accounts = Comptes
role-secretariat = Secrétariat
role-co_facilitator = Cofacilitateur
role-delegate = Délégué
role-un_entity_representative = Représentant d'une entité des Nations Unies ou d'une OIG
role-stakeholder_representative = Représentant d'une partie prenante
account-title = Votre compte
account-roles = Vos rôles
account-no-roles = Vous n'avez encore de rôle dans aucun processus : vous pouvez consulter ce qui est publié, comme le public.
account-tokens = Jetons d'API
account-tokens-intro = Un jeton permet à un script d'agir en votre nom par l'intermédiaire de l'API JSON : envoyez-le sous la forme « Authorization: Bearer … ». Donnez à chaque jeton le nom du script qui l'utilise, et révoquez-le lorsque le script n'en a plus besoin.
account-token-created = Votre nouveau jeton « { $name } » :
account-token-once = Copiez-le maintenant : il n'est affiché qu'une seule fois, et Accord n'en conserve qu'une empreinte.
account-token-name = Nom
account-token-name-example = p. ex. export nocturne des déclarations
account-token-created-at = Date de création
account-token-expires = Date d'expiration
account-token-state = État
account-token-active = Actif
account-token-revoked = Révoqué
account-token-expired = Expiré
account-token-revoke = Révoquer
account-token-new = Nouveau jeton
account-token-days = Nombre de jours avant expiration (de 1 à 366)
account-token-create = Créer le jeton
accounts-title = Comptes
accounts-intro = Créez les comptes des personnes qui interviennent dans un processus et délivrez des liens de réinitialisation du mot de passe. Accord n'envoie aucun courriel : transmettez vous-même chaque lien, par un canal de confiance.
accounts-new = Nouveau compte
accounts-email = Adresse électronique
accounts-name = Nom
accounts-role = Rôle
accounts-no-role = Aucun rôle pour l'instant
accounts-process = Processus
accounts-all-processes = Tous les processus
accounts-actor = Au nom de (code de l'État, du groupe ou de l'organisation)
accounts-new-hint = La personne choisit elle-même son mot de passe au moyen du lien affiché une fois le compte créé ; personne d'autre n'en a connaissance.
accounts-create = Créer le compte
accounts-reset = Lien de réinitialisation du mot de passe
accounts-issue-link = Générer un lien
accounts-link-for = Lien permettant à { $email } de choisir un mot de passe :
accounts-link-once = Il ne peut servir qu'une fois, dans un délai de { $hours } heures. Copiez-le maintenant : il ne sera plus affiché.
speakers-time-limits = Limitation du temps de parole
speakers-time-limits-hint = En minutes, ou en minutes:secondes (de 15 secondes à 60 minutes). Laissez un champ vide pour appliquer la limite habituelle.
speakers-time-limit-save-one = Fixer
speakers-time-limit-set = fixé pour cette réunion
manage-theme = Nouveau thème
manage-theme-code = Code (pour les liens)
manage-theme-taxonomy = Taxonomie (p. ex. topics, objectives)
manage-add-theme = Ajouter le thème
manage-process = Nouveau processus
manage-process-intro = Un processus intergouvernemental, de son mandat à son résultat. Les phases, réunions, documents et thèmes s'ajoutent sur sa page de gestion une fois le processus créé.
manage-process-title = Titre
manage-process-description = Description
manage-process-mandate = Mandat (cotes des résolutions, séparées par des virgules)
manage-process-languages = Langues officielles
manage-process-meeting-kinds = Types de réunions tenues
manage-process-co-facilitators = Cofacilitateurs, un par ligne : Nom | Fonction | code de l'État
manage-process-secretariat = Secrétariat, une personne par ligne : Nom | Fonction
manage-process-create = Créer le processus
home-new-process = Nouveau processus

## The consultation phase
synthetic = Données de test synthétiques
statement-title = Déclaration
statements-title = Déclarations
statements-none = Aucune déclaration n'a été publiée pour cette réunion.
statement-on-behalf-of = au nom de
statement-languages = Langues de cette déclaration
statement-no-text = Le texte de cette déclaration n'a pas encore été publié.
statement-add = Ajouter une déclaration
statement-speaker = Orateur (code de l'État, de l'entité des Nations Unies ou de l'organisation)
statement-for-group = Au nom d'un groupe (code, facultatif)
statement-delivered-on = Prononcée le
statement-text = Texte (paragraphes séparés par une ligne vide)
statement-add-submit = Ajouter la déclaration
text-detected = langue détectée automatiquement
distribution-public = Public
distribution-restricted = États Membres uniquement
distribution-secretariat = Secrétariat uniquement
recommendations-title = Recommandations
recommendations-intro = Propositions concrètes et applicables relevées par le Secrétariat dans les déclarations et les contributions écrites, chacune renvoyant à l'endroit où elle a été formulée.
recommendations-none = Aucune recommandation n'a encore été marquée.
recommendation-mark = Marquer une recommandation
recommendation-passage = Le passage, tel qu'il figure dans le texte
recommendation-mark-submit = Marquer la recommandation
recommendation-source-statement = Dans la déclaration n° { $id }
recommendation-source-input = Dans la contribution n° { $id }
consultation-title = Appel à contributions
consultations-title = Appels à contributions
consultation-open = Ouvert
consultation-closed = Clos
input-send = Envoyer une contribution
input-send-intro = Toute personne peut contribuer à cette consultation. Votre contribution est publiée avec le nom de votre organisation et votre pays si vous les indiquez ; votre nom n'apparaît que si vous le donnez.
input-author = Votre nom (facultatif)
input-organisation = Organisation (facultatif)
input-country = Pays (code ISO, facultatif)
input-language = Langue
input-language-detect = Détecter à partir du texte
input-text = Votre contribution
input-submit = Envoyer la contribution
inputs-title = Contributions reçues
inputs-none = Aucune contribution n'a encore été publiée.
input-title = Contribution n° { $id }
input-kind = Contribution écrite
input-no-organisation = Un membre du public
statement-upload = Téléverser un fichier
statement-file = Un fichier par langue : PDF, DOCX, ODT, HTML, Markdown ou texte, jusqu'à { $mb } Mo
statement-upload-submit = Téléverser
text-pending = Lecture du fichier en cours ; son texte s'affichera ici lorsqu'il sera prêt. Rechargez la page pour le voir.
text-failed = Aucun texte n'a pu être lu dans ce fichier ; il reste toutefois téléchargeable.
process-feed = Flux Atom des publications
process-calendar = Calendrier des réunions (iCalendar)

## Search
nav-search = Recherche
search-title = Recherche
search-placeholder = Mots, ou "une expression entre guillemets"
search-submit = Rechercher
search-results = { $total ->
    [one] { $total } résultat
   *[other] { $total } résultats
}
search-none = Aucun résultat. Essayez avec moins de mots, ou retirez un filtre.
search-facets = Affiner les résultats
search-kind-statement = Déclaration
search-kind-document = Document
search-kind-input = Contribution
search-kind-recommendation = Recommandation
search-facet-process = Processus
search-facet-meeting = Réunion
search-facet-meeting_kind = Type de réunion
search-facet-actor = Acteur
search-facet-actor_kind = Catégorie d'acteur
search-facet-theme = Thème
search-facet-language = Langue
search-facet-year = Année
search-facet-document_kind = Type de document
search-facet-kind = Type
pagination-previous = Page précédente
actor-kind-public = Le public
document-upload = Téléverser le fichier d'un document
document-download = Télécharger le fichier en { $language }

## Negotiation: drafts, versions, amendments, compilation, redline, lineage, silence
process-view-drafts = Projets et négociation
drafts-title = Projets
drafts-lead = Les textes en négociation : leurs versions, les amendements proposés et le cheminement des paragraphes vers un accord.
drafts-none = Aucun projet pour l'instant.
drafts-new = Nouveau projet
drafts-new-submit = Créer le projet
negotiation-simulated = Les amendements présentés ici sont une simulation à des fins de démonstration. Ils ne reflètent la position d'aucun État ni d'aucun groupe.
negotiation-simulated-badge = Simulation
draft-versions = Versions
draft-version = Version
draft-issued = Date de publication
draft-paragraphs = Paragraphes
draft-open-proposals = Avec propositions en suspens
draft-progress = Avancement
draft-progress-label = Paragraphes approuvés ad referendum : { $agreed } sur { $paragraphs } ; entre crochets : { $bracketed }
draft-read = Lire
draft-compilation = Texte de compilation
draft-redline = Modifications par rapport à la version précédente
draft-no-versions = Aucune version n'a encore été publiée.
draft-import = Importer une version
draft-import-help = Un fichier DOCX présenté comme les projets de l'ONU (paragraphes numérotés « 1. », alinéas « (a) », intertitres « Objective 1: »), ou un texte Markdown au format d'Accord. Commencez par l'aperçu : rien n'est enregistré avant la publication.
draft-import-file = Fichier DOCX ou Markdown
draft-import-markdown = Ou collez le texte Markdown
draft-import-preview = Aperçu
draft-import-issue = Publier comme version suivante
draft-label = Désignation
draft-preview-title = Éléments reconnus
draft-preview-counts = Sections : { $sections } ; objectifs : { $objectives } ; paragraphes : { $paragraphs } ; alinéas : { $subparagraphs }.
draft-preview-line = Ligne { $line }
draft-revision = Publier une version révisée
draft-take-up = Amendements à reprendre tels que présentés
draft-revision-submit = Publier la version révisée
version-superseded = Il existe une version plus récente
version-counts = Paragraphes : { $paragraphs } ; approuvés ad referendum : { $agreed } ; entre crochets : { $bracketed } ; avec propositions en suspens : { $open }.
version-views = Autres présentations de cette version
version-lineage = D'où vient le libellé
version-open-proposals = { $count ->
    [one] { $count } proposition en suspens
   *[other] { $count } propositions en suspens
}
kind-section = section
kind-paragraph = Paragraphe
kind-subparagraph = Alinéa
status-under_negotiation = En cours de négociation
status-agreed_ad_ref = Approuvé ad referendum
status-bracketed = Entre crochets
status-deleted = Supprimé
status-set = Définir le statut d'un paragraphe
status-label = Statut
status-options = Variantes (une par ligne, pour un paragraphe entre crochets)
status-submit = Définir le statut
op-insert = Insérer des mots
op-delete = Supprimer des mots
op-replace = Remplacer des mots
op-add = Ajouter un paragraphe
op-delete_node = Supprimer le paragraphe
op-move = Déplacer le paragraphe
amend-title = Proposer un amendement
amend-proposer = Au nom de
amend-node = Paragraphe
amend-op = Amendement
amend-kind = Type du nouveau paragraphe
amend-co-sponsors = Coauteurs
amend-co-sponsors-pending = Désignés comme coauteurs, en attente de leur propre confirmation :
amend-justification = Justification
amend-submit = Présenter l'amendement
amend-proposers = Proposé par
amend-supporters = Appuyé par
amend-objectors = Objections de
amend-actor = État ou groupe
amend-stance = Position
amend-when = Date
amendment-title = Amendement A{ $number }
amendment-effect = Portée de l'amendement
amendment-after = Nouveau paragraphe après { $node } :
amendment-move-after = Déplace le paragraphe après { $node }.
amendment-positions = Appuis et objections
amendment-no-positions = Aucun État n'a encore pris position.
amendment-position-submit = Enregistrer la position
amendment-withdraw = Retirer l'amendement
amendment-co-sponsor-confirm = Confirmer le coparrainage pour { $actor }
amendment-co-sponsor-decline = Refuser pour { $actor }
amendment-co-sponsor-leave = Retirer { $actor } des coauteurs
amendment-outcome = Suite donnée
amendment-note = Note
amendment-decide = Enregistrer la décision
amendment-status-tabled = Présenté
amendment-status-withdrawn = Retiré
amendment-status-accepted = Accepté
amendment-status-accepted_as_modified = Accepté sous une forme modifiée
amendment-status-rejected = Rejeté
amendment-status-superseded = Remplacé
stance-support = Appui
stance-object = Objection
compilation-title = Texte de compilation
compilation-amendments = Amendements
compilation-actor = État ou groupe
compilation-status = Statut
compilation-filter = Afficher
compilation-shown = Propositions affichées : { $shown } ; écartées par le filtre : { $hidden }.
compilation-delete-node = Suppression proposée
compilation-move-node = Déplacement proposé
compilation-moved-here = Il est proposé de déplacer ici le paragraphe { $node }
redline-title = Modifications
redline-summary = Ajoutés : { $added } ; supprimés : { $deleted } ; modifiés : { $changed } ; déplacés : { $moved }. Mots ajoutés : { $words_added } ; mots supprimés : { $words_deleted }.
redline-from = De
redline-to = À
redline-compare = Comparer
redline-changes-only = Modifications seulement
redline-moved = Déplacé (auparavant { $from })
lineage-title = Provenance du texte
lineage-lead = Chaque mot, avec la version qui l'a introduit et son origine : un amendement ou les cofacilitateurs.
lineage-origins = Origines
lineage-words = Mots
lineage-source = Origine
lineage-cofac = Les cofacilitateurs
lineage-first = La première version
silence-title = Procédures d'approbation tacite
silence-none = Aucun texte n'a été soumis à la procédure d'approbation tacite.
silence-deadline = Échéance
silence-time-zone = Fuseau horaire
silence-running = La procédure d'approbation tacite est en cours.
silence-adopted = Adopté selon la procédure d'approbation tacite.
silence-broken = Le silence a été rompu.
silence-broken-by = par
silence-letters = Lettres rompant le silence
silence-letter = Lettre de { $state } rompant le silence
silence-break-submit = Rompre le silence
silence-open = Soumettre une version à la procédure d'approbation tacite
silence-open-submit = Lancer la procédure d'approbation tacite

## Stocktaking: recommendation candidates
recommendation-candidates = Recommandations suggérées
recommendation-candidates-help = Phrases qui ressemblent à des recommandations (en anglais, en français et en espagnol). Confirmez celles qui en sont ; les autres restent non marquées.
recommendation-confirm = Confirmer comme recommandation
recommendation-dismiss = Ce n'est pas une recommandation

## Stocktaking
stocktaking-title = Bilan
stocktaking-lead = Tout ce qui a été dit et écrit lors des consultations, passé en revue : les thèmes abordés, les groupes de contributions au sein de chaque thème, les campagnes, et qui a dit quoi.
stocktaking-none = Aucune analyse n'a encore été effectuée.
stocktaking-analyse = Analyser les contributions et les déclarations
stocktaking-analyse-help = Repère les campagnes, attribue à chaque contribution et à chaque déclaration un thème assorti d'un degré de confiance, et regroupe les éléments similaires au sein de chaque thème. L'analyse s'exécute en arrière-plan et remplace la précédente une fois terminée ; les thèmes que vous avez attribués sont conservés et servent à l'apprentissage du modèle.
stocktaking-threshold = Seuil de détection des quasi-doublons (0.3–0.99)
stocktaking-analyse-submit = Lancer l'analyse
stocktaking-run = Contributions analysées : { $inputs } ; déclarations analysées : { $statements } ; campagnes : { $campaigns }
stocktaking-themes = Thèmes
stocktaking-unassigned = Éléments ne relevant d'aucun thème : { $count }.
stocktaking-theme-counts = Contributions : { $inputs } ; déclarations : { $statements }
stocktaking-clusters = Groupes de contributions similaires
stocktaking-key-phrases = Expressions clés
stocktaking-inputs = Contributions
stocktaking-representative = Contributions représentatives
stocktaking-campaign-share = Contributions faisant partie de campagnes : { $inputs } ({ $percent } %).
stocktaking-analysis = Analyse
stocktaking-theme = Thème
stocktaking-labelled = thème attribué par le Secrétariat
stocktaking-confidence = degré de confiance : { $percent } %
stocktaking-no-theme = Aucun thème
stocktaking-campaign = Campagne
stocktaking-correct = Corriger le thème
stocktaking-correct-submit = Définir le thème
jobs-title = Tâches
job-kind-analysis = Analyse
job-kind-import_inputs = Importation de contributions
job-status-running = En cours
job-status-succeeded = Terminée
job-status-failed = Échec
campaigns-title = Campagnes
campaigns-lead = Contributions constituées d'une même lettre envoyée de nombreuses fois, mot pour mot ou avec de légères modifications. Chaque contribution originale est conservée et peut être consultée.
campaigns-all = Toutes les campagnes
campaign-title = Campagne n° { $number }
campaign-size = { $count ->
    [one] { $count } contribution
   *[other] { $count } contributions
}
campaign-variants = Variantes
campaign-seen = Première et dernière réception
campaign-text = Texte
campaign-inputs = Contributions de la campagne
who-title = Qui a dit quoi
who-by-kind = Par catégorie
who-by-region = États par région (déclarations des États et contributions qui en proviennent)
who-total = Total
who-inputs = Contributions écrites
who-unknown = Inconnu
who-help = Les colonnes correspondent aux thèmes, dans l'ordre ci-dessus, puis aux éléments sans thème.
report-title = Rapport de bilan
report-docx = Version Word (DOCX)
report-print = Imprimez cette page, ou enregistrez-la au format PDF depuis la boîte de dialogue d'impression.
report-received = Contributions reçues
report-by-language = Contributions par langue
report-by-region = Contributions par région
report-over-time = Contributions par semaine
report-statements-by-kind = Déclarations par catégorie d'acteur
report-figures = Les chiffres sous forme de tableaux
report-method = Campagnes : les contributions dont les séquences de mots (shingles) se recoupent à { $threshold } % au moins forment une même campagne. Thèmes : attribués par un modèle entraîné sur les intitulés des thèmes, les recommandations auxquelles un thème a été attribué et { $labels } attributions de thème effectuées par le Secrétariat.
coverage-title = Prise en compte des recommandations
coverage-lead = Pour chaque recommandation, les paragraphes du projet qui y répondent : reliés par les cofacilitateurs, ou suggérés par similarité.
coverage-answered = Recommandations prises en compte : { $answered } sur { $total }
coverage-no-draft = Aucun projet pour l'instant.
coverage-unanswered = Recommandations récurrentes qu'aucun paragraphe ne prend encore en compte
coverage-none-unanswered = Toutes les recommandations récurrentes sont prises en compte.
coverage-times = formulée { $count } fois
coverage-source = source
coverage-linked = Paragraphes qui y répondent
coverage-none = aucun pour l'instant
coverage-suggested = Paragraphes suggérés
coverage-link = Relier
coverage-unlink = Supprimer le lien avec le paragraphe
stocktaking-synthetic = { $count } des éléments analysés sont des données de test synthétiques, générées pour essayer le système ; aucun n’a été écrit par une personne.
stocktaking-public-only = L’analyse porte sur ce que chacun peut lire : les éléments à distribution restreinte, ou sous embargo au moment de l’analyse, en sont exclus.

## Adoption and follow-up
adoptions-title = Adoption
adoptions-lead = Comment le texte a été adopté : par consensus ou par vote enregistré, à quelle séance, et quelle adoption en a entériné une autre.
adoptions-none = Rien n'a encore été adopté dans ce processus.
adoption-adopted = Adopté
adoption-not-adopted = Non adopté
adoption-method = Mode d'adoption
adoption-method-consensus = Par consensus
adoption-method-recorded_vote = Par vote enregistré
adoption-totals = Pour : { $yes } ; contre : { $no } ; abstentions : { $abstain } ; non-participation au vote : { $not_voting }
adoption-version = Texte adopté
adoption-endorses = Entérine
adoption-endorsed-by = Entériné par
adoption-outcome = Résultat
adoption-majority = Majorité requise
adoption-majority-simple = Majorité simple des membres présents et votants
adoption-majority-two_thirds = Majorité des deux tiers des membres présents et votants
adoption-needed = Nombre de voix pour requis : { $needed }
adoption-totals-title = Résultat du vote
adoption-vote = Vote
adoption-total = Total
adoption-named = Cités nommément dans le relevé
adoption-not-recorded-note = États Membres dont le vote n'est pas consigné : { $count }. Les sources ne les citent dans aucune colonne ; le relevé indique donc « Non enregistré » plutôt que de supposer un vote.
adoption-export-csv = Votes (CSV)
adoption-export-akn = Akoma Ntoso (XML)
adoption-export-svg = Carte (SVG)
adoption-map = Le vote sur une carte
adoption-map-alternative = Le tableau des États Membres ci-dessous présente les mêmes informations que la carte.
adoption-not-drawn = Non représentés à cette échelle
adoption-statements = Déclarations relatives à l'adoption
adoption-statement-explanation_before = Explication de vote avant le vote
adoption-statement-explanation_after = Explication de vote après le vote
adoption-statement-position = Déclaration de position
adoption-statement-reservation = Réserve
adoption-statement-dissociation = Dissociation
adoption-states = États Membres
adoption-sort = Trier par
adoption-sort-name = Nom
adoption-sort-vote = Vote
adoption-sort-region = Région
adoption-subregion = Sous-région
adoption-table-caption = Vote de chaque État Membre ; « Non enregistré » lorsque les sources ne le précisent pas.
vote-yes = Pour
vote-no = Contre
vote-abstain = Abstention
vote-not-voting = Non-participation au vote
vote-not-recorded = Non enregistré
vote-map-title = Carte mondiale du vote : { $title }
vote-map-description = Chaque État Membre est représenté selon son vote, par un motif et par une couleur ; le tableau des États Membres présente les mêmes informations.
pledges-title = Engagements
pledges-lead = Les engagements pris par les États et les autres acteurs en faveur des objectifs du texte adopté, et les progrès dont ils rendent compte.
pledges-objectives = Objectifs du texte adopté
pledges-nothing-adopted = Les engagements portent sur un texte adopté ; rien n'a encore été adopté.
pledges-all = Tous les engagements
pledges-none = Aucun engagement pour l'instant.
pledge-objectives = Objectifs
pledge-status-announced = Annoncé
pledge-status-in_progress = En cours
pledge-status-fulfilled = Honoré
pledge-status-withdrawn = Retiré
pledge-reports = { $count ->
    [one] { $count } rapport d'étape
   *[other] { $count } rapports d'étape
}
objective-title = Objectif { $number }
objective-pledges = { $count ->
    [one] { $count } engagement relatif à cet objectif, par région
   *[other] { $count } engagements relatifs à cet objectif, par région
}
objective-other-actors = Autres acteurs (hors États)

## A version in the six languages
languages-title = Langues
languages-lead = La version dans les six langues officielles, alignée paragraphe par paragraphe. Tant qu'un paragraphe n'est pas traduit, les fichiers exportés conservent le libellé original anglais.
languages-progress = État d'avancement de la traduction
languages-language = Langue
languages-translated = Traduit
languages-updated = Dernière mise à jour
languages-exports = Exportations
languages-original = original
languages-count = { $translated } sur { $total } éléments
languages-side-by-side = Textes en regard
languages-left = À gauche
languages-right = À droite
languages-show = Afficher
languages-status-missing = Pas encore traduit
languages-upload = Fournir une traduction
languages-upload-help = Un fichier DOCX ou Markdown présenté comme l'original : chaque intertitre et chaque paragraphe est apparié par son identifiant ({"{"}#id{"}"}, comme dans l'export Markdown) ou, à défaut, par son numéro. Le fichier remplace le texte existant dans cette langue.
languages-upload-button = Enregistrer la traduction

## Taking a vote
adoption-voting = Vote en cours
adoption-voting-lead = Il est procédé au vote. États Membres ayant voté : { $cast } sur { $members }. La carte et le tableau ci-dessous suivent les votes à mesure qu'ils sont exprimés.
adoption-vote-for = Vote : { $state }
adoption-close-vote = Clore le vote
adoption-close-help = Les États Membres qui n'ont pas voté sont consignés comme n'ayant pas participé au vote ; les voix sont décomptées et le résultat en découle.
adoption-link-statement = Déclaration faite à la séance
adoption-link-kind = Liée en tant que
adoption-link-button = Lier la déclaration
adoption-record = Enregistrer une adoption
adoption-version-number = Numéro de la version
adoption-vote-open = Le vote a lieu dans Accord : chaque délégation vote (laisser les totaux vides)
adoption-record-button = Enregistrer l'adoption
vote-not-yet = Pas encore voté

## Making pledges
pledge-make = Prendre un engagement
pledge-actor = Engagement pris par
pledge-made-on = Date
pledge-status = Statut
pledge-meeting = Annoncé lors de
pledge-title = Titre
pledge-description = Teneur de l'engagement
pledge-make-button = Enregistrer l'engagement
pledge-report = Rendre compte des progrès
pledge-reported-on = Date du rapport
pledge-report-text = Progrès accomplis
pledge-report-button = Enregistrer le rapport

# The process bar (every page of a process)
process-bar = Rubriques de { $title }
process-bar-current-phase = phase en cours
process-bar-follow-up = Suivi

# The amendment page of a paragraph
amend-this = Proposer un amendement
amend-page-title = Amender { $num }
amend-current = Le texte actuel
amend-what = Que souhaitez-vous changer ?
amend-op-revise = Modifier le libellé
amend-op-add = Ajouter un paragraphe après celui-ci
amend-op-move = Déplacer ce paragraphe
amend-op-delete_node = Supprimer ce paragraphe
amend-revised = Le paragraphe tel que vous le proposez
amend-revised-help = Modifiez le texte dans la zone. Ce que vous retirez apparaîtra barré, ce que vous ajoutez souligné ; la modification est déposée comme une seule révision suivie.
amend-new-text = Texte du nouveau paragraphe
amend-move-after = Le placer après
amend-delete-note = Le paragraphe entier, avec ses alinéas, serait supprimé.
amend-co-sponsors-help = Chaque État nommé figure comme coauteur une fois que sa propre délégation l’a confirmé. Saisissez son code (MEX) ou choisissez-le dans la liste.
amend-preview = Aperçu en mode révision
amend-preview-title = Aperçu : le paragraphe amendé
amend-preview-added = Nouveau paragraphe
amend-preview-moved = Le paragraphe est placé après { $num }.
amend-preview-help = Rien n’a encore été déposé. Corrigez le formulaire ci-dessous si nécessaire, puis déposez l’amendement.
amend-not-latest = Cette version a été remplacée : les amendements portent sur la dernière version.
amend-go-latest = Aller au projet
amend-not-negotiating = Les amendements sont déposés pendant la négociation ; le processus n’est pas dans sa phase de négociation.
amend-not-allowed = Les amendements sont déposés par la délégation d’un État ou par l’orateur désigné d’un groupe.

# One-click actions on a proposal in the compilation
compilation-act = Agir
act-support = Appuyer
act-object = Objecter
act-withdraw = Retirer
act-accept = Accepter
act-reject = Rejeter
## Qui a dit quoi (page d'un acteur), pages propres des documents
actor-record-title = Ce qu'il a dit et fait
actor-record-none = Rien dans le dossier que vous puissiez consulter.
actor-record-statements = Déclarations
actor-record-amendments = Amendements
actor-record-positions = Positions sur des amendements
actor-record-ballots = Votes enregistrés
actor-record-explanations = Explications de vote et déclarations sur les adoptions
actor-record-pledges = Engagements
actor-record-amendment = Amendement { $number } à { $version }
actor-role-proposer = Auteur
actor-role-co_sponsor = Coauteur
actor-role-named_co_sponsor = Désigné comme coauteur, sans confirmation à ce jour
actor-former-members = Anciens membres
actor-membership-since = depuis le { $date }
actor-membership-until = jusqu'au { $date }
actor-membership-from-to = du { $from } au { $to }
search-kind-actor = Acteur
search-kind-meeting = Réunion
document-page-files = Fichiers
document-page-no-files = Aucun fichier de ce document n'a été téléversé.
document-file-type = Type
document-file-size = Taille
document-file-download = Télécharger
document-text-show = Afficher le texte
document-distribution = Distribution
document-embargo = Sous embargo jusqu'au
document-official-record = Document officiel
document-official-record-link = Ouvrir { $symbol } dans le système de documents officiels
manage-process-record-resolver = Document officiel par cote : une adresse https:// où {"{"}symbol{"}"} tient la place de la cote du document (vide : le service de l'ONU)
# The secretariat's desk: meetings changed, confirmations
meeting-cancelled = Annulée
meeting-history = Historique des modifications
meeting-history-edited = Modifiée
meeting-history-postponed = Reportée du { $before } au { $after }
meeting-history-rescheduled = Reprogrammée du { $before } au { $after }
meeting-history-cancelled = Annulée
meeting-history-reason = motif :
meeting-history-by = par { $name }, le { $date }
meeting-field-title = titre
meeting-field-start_date = date de début
meeting-field-end_date = date de fin
meeting-field-venue = lieu
meeting-field-agenda = ordre du jour
meeting-field-note = note
meeting-field-status = statut
desk-meeting-title = Modifier la réunion
desk-meeting-intro = Modifier, reporter ou annuler cette réunion. Chaque modification est conservée dans l'historique de la réunion et dans le journal d'audit.
desk-meeting-link = Modifier, reporter ou annuler
desk-meeting-cancelled-no-change = Cette réunion est annulée : elle ne peut être modifiée ou déplacée qu'une fois rétablie.
desk-meeting-edit = Modifier la réunion
desk-meeting-save = Enregistrer les modifications
desk-reason-optional = Motif (facultatif)
desk-reason = Motif
desk-meeting-postpone = Reporter ou reprogrammer
desk-meeting-postpone-intro = Indiquez les nouvelles dates et le motif. Des dates plus tardives sont enregistrées comme un report, des dates plus précoces comme une reprogrammation.
desk-new-start = Nouvelle date de début
desk-new-end = Nouvelle date de fin
desk-meeting-postpone-button = Déplacer la réunion
desk-meeting-cancel = Annuler la réunion
desk-meeting-cancel-intro = La réunion reste dans la liste, marquée comme annulée, avec le motif.
desk-meeting-cancel-button = Annuler la réunion
done-meeting-edited = La réunion a été modifiée.
done-meeting-postponed = La réunion a été reportée.
done-meeting-rescheduled = La réunion a été reprogrammée.
done-meeting-cancelled = La réunion a été annulée.
meeting-history-reinstated = Rétablie
meeting-field-title_translations = traductions du titre
desk-meeting-reinstate = Rétablir la réunion
desk-meeting-reinstate-intro = La réunion aura finalement lieu, aux dates prévues. Indiquez-en le motif : il est conservé dans l'historique de la réunion.
desk-meeting-reinstate-button = Rétablir la réunion
done-meeting-reinstated = La réunion a été rétablie.
record-history-edited = Modifié
record-history-withdrawn = Retiré
document-field-symbol = cote
document-field-title = titre
document-field-kind = type
document-field-date = date
document-field-languages = langues
document-field-distribution = distribution
document-field-embargo_until = embargo
document-field-meeting = réunion
document-field-status = statut
document-withdrawn = Retiré
desk-document-title = Modifier le document
desk-document-intro = Modifiez les données de ce document ou retirez-le. Chaque modification est conservée dans l'historique du document et dans le journal d'audit.
desk-document-link = Modifier ou retirer
desk-document-edit = Modifier les données
desk-document-save = Enregistrer les modifications
desk-document-withdraw = Retirer le document
desk-document-withdraw-intro = Un document retiré reste consultable à son adresse, signalé comme retiré avec le motif, et ne figure plus dans les listes.
desk-document-withdraw-button = Retirer le document
done-document-edited = Le document a été modifié.
done-document-withdrawn = Le document a été retiré.
done-consultation-opened = L'appel à contributions a été ouvert.
done-consultation-closed = L'appel à contributions a été clos.
done-consultation-extended = La date de clôture de l'appel à contributions a été prolongée.
done-adoption-recorded = L'adoption a été enregistrée.

# The secretariat's desk: calls for inputs
calls-title = Appels à contributions
calls-intro = Les appels à contributions écrites de ce processus : ouverts, à venir et clos.
calls-open = Ouverts
calls-upcoming = À venir
calls-closed = Clos
calls-opens = Ouverture le { $at } UTC
calls-closes = clôture le { $at } UTC
calls-closed-at = clos le { $at } UTC
calls-no-end = aucune date de clôture fixée
calls-closed-reason = Clos avant terme, motif :
calls-close-now = Clore maintenant
calls-new-closing = Nouvelle clôture (UTC)
calls-extend = Prolonger
calls-none = Aucun.
calls-open-new = Ouvrir un appel à contributions
calls-times-utc = Les dates et heures sont en UTC.
calls-description = Description
calls-opens-label = Ouverture (UTC)
calls-closes-label = Clôture (UTC, facultatif)
calls-open-button = Ouvrir l'appel

# The secretariat's desk: an adoption's ballots from the form
adoption-ballots-title = Votes des États consignés (facultatif)
adoption-ballots-hint = Collez ou saisissez les codes des États pour chaque vote, séparés par des espaces, des virgules ou des retours à la ligne (par exemple CZE HUN ISR POL USA). Un État omis est indiqué comme « non consigné », jamais deviné.

# The secretariat's desk: what needs attention
attention-title = Ce qui demande votre attention
attention-applications-in-objection-period = demandes d'accréditation en période de non-objection
attention-applications-to-decide = demandes en attente de décision
attention-applications-referred = demandes renvoyées à l'organe compétent, en attente de sa décision
attention-pending-uploads = fichiers téléversés en cours de lecture
attention-open-silences = procédures d'approbation tacite en cours
attention-amendments-awaiting-decision = amendements en attente de décision
attention-running-jobs = tâches en cours
attention-failed-jobs = tâches en échec
# The vote map when the record counts votes it does not name (issue 16, item 7).
vote-unnamed-lead = Le relevé donne ces totaux sans nommer tous les États. Les États qu’il ne nomme pas sont hachurés en gris comme « non enregistrés », quel qu’ait été leur vote :
vote-unnamed-yes = { $named ->
    [0] { $total } voix pour — non nommés dans le relevé
   *[other] { $total } voix pour — { $unnamed } non nommés dans le relevé
}
vote-unnamed-no = { $named ->
    [0] { $total } voix contre — non nommés dans le relevé
   *[other] { $total } voix contre — { $unnamed } non nommés dans le relevé
}
vote-unnamed-abstain = { $named ->
    [0] { $total } abstentions — non nommés dans le relevé
   *[other] { $total } abstentions — { $unnamed } non nommés dans le relevé
}
vote-unnamed-not-voting = { $named ->
    [0] { $total } non-votants — non nommés dans le relevé
   *[other] { $total } non-votants — { $unnamed } non nommés dans le relevé
}
vote-map-alt = Le vote de chaque État Membre figure dans le tableau des États Membres, sous la carte.

# Process and meeting titles in other languages (issue 16, item 6).
title-translations = Titre dans d’autres langues
title-translations-help = Facultatif : le titre tel que les lecteurs de chaque langue doivent le voir. Laissé vide, ils voient le titre ci-dessus.
actor-kind-simulated_delegation = Délégation simulée (démonstration, pas un État)
actor-kind-simulated_group = Groupe simulé (démonstration)
actor-kinds-simulated_delegation = Délégations simulées
actor-kinds-simulated_group = Groupes simulés
statement-filed-late = Déposée tardivement
statement-filed-late-note = Enregistrée par le secrétariat après la clôture du délai de dépôt des déclarations de la séance
adoption-as-it-stands = Adopté en l'état
adoption-not-agreed-listed = Paragraphes non agréés lors de l'adoption : { $paragraphs }
adoption-as-it-stands-all-agreed = Tous les paragraphes étaient agréés
adoption-as-it-stands-field = La réunion a décidé d'adopter le texte en l'état (les paragraphes non agréés sont consignés avec l'adoption)
silence-adopted-agreed = Ses paragraphes ont été marqués « Approuvé ad referendum » à l'expiration du délai.
silence-ended-at-break = Elle a pris fin à la rupture du silence :

# Phases as decisions
phases-title = Phases et décisions
phases-intro = Chaque phase a un calendrier prévu et les décisions du secrétariat à son sujet. Le calendrier vaut tant qu’aucune décision n’en dispose autrement : une phase ouverte, prolongée ou close suit cette décision.
phases-none = Aucune phase n’est encore prévue pour ce processus.
phases-plan = Prévu
phases-fact = Décidé
phases-opened-on = ouverte le { $day }
phases-not-opened = non ouverte par décision (suit le calendrier prévu)
phases-extended-to = prolongée jusqu’au { $day }
phases-closed-on = close le { $day }
phases-runs = Se déroule
phases-history = Historique
phase-change-opened = Ouverte
phase-change-extended = Prolongée
phase-change-closed = Close
phase-change-replanned = Calendrier modifié
phase-field-start_date = début prévu
phase-field-end_date = fin prévue
phase-field-note = note
phase-field-opened_on = ouverte le
phase-field-extended_to = prolongée jusqu’au
phase-field-closed_on = close le
phases-none-given = aucune
phases-open = Ouvrir cette phase
phases-open-button = Ouvrir la phase
phases-on = Le
phases-extend = Prolonger cette phase
phases-until = Nouveau dernier jour
phases-extend-button = Prolonger la phase
phases-close = Clore cette phase
phases-last-day = Dernier jour
phases-close-button = Clore la phase
phases-replan = Modifier le calendrier
phases-replan-button = Enregistrer le calendrier
phases-link = Phases et décisions
done-phase-opened = La phase a été ouverte.
done-phase-extended = La phase a été prolongée.
done-phase-closed = La phase a été close.
done-phase-replanned = Le calendrier de la phase a été modifié.
statement-spoken-by = prononcée par
text-looks-like = Ce texte semble rédigé en { $detected }, et non en { $declared }.
text-two-versions = Deux versions en { $language } :
text-version-typed = saisie directement
text-version-file = tirée du fichier { $file }
text-version-stands = Version affichée : { $version }.
text-version-open = Elle reste affichée jusqu'à ce que le secrétariat choisisse la version à retenir.
text-version-chosen = Choix fait par { $by } le { $date }.
text-version-read-other = Lire l'autre version ({ $version })
text-choose = Quelle version du texte en { $language } retenir ?
text-choose-submit = Retenir cette version

# Statements of intention after a vote (issue 17, item 6)
vote-intended-yes = avait l’intention de voter pour
vote-intended-no = avait l’intention de voter contre
vote-intended-abstain = avait l’intention de s’abstenir
adoption-intention-title = Intention de vote déclarée après le vote
adoption-intention-lead = Une délégation déclare, après le vote, qu’elle avait l’intention de voter autrement : sa déclaration figure à côté de son vote enregistré, qui reste inchangé, tout comme les totaux.
adoption-intention-state = État Membre
adoption-intention-vote = Vote envisagé
adoption-intention-button = Enregistrer la déclaration d’intention

# Presence at a vote (issue 17, item 6)
adoption-present-and-voting = Membres présents et votants
adoption-present-and-voting-count = Présents et votants : { $voting } ; majorité requise : { $needed }
adoption-present-count = présents : { $present }, dont { $abstaining } abstentions (présents mais non votants)
adoption-present-field = États présents (si le compte rendu les indique)
adoption-present-hint = Les codes des États Membres présents lors du vote. Tout État dont le vote pour, contre ou l’abstention est enregistré doit y figurer ; les États qui s’abstiennent sont présents mais non votants. Laissez vide si le compte rendu ne le précise pas.
