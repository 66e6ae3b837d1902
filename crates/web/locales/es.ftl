# Accord — español. Los mensajes que falten se toman de en.ftl.

site-name = Accord
site-tagline = Procesos intergubernamentales, de la consulta a la aprobación
nav-processes = Procesos
nav-actors = Actores
nav-language = Idioma
nav-main = Navegación principal
skip-to-content = Ir al contenido
breadcrumb = Usted está aquí
breadcrumb-home = Inicio
footer-about = Accord es una plataforma abierta para llevar a cabo procesos intergubernamentales: consultas, balance, negociación y aprobación.
footer-api = API JSON
pagination-next = Página siguiente

home-title = Procesos intergubernamentales
home-intro = Siga cada proceso desde su mandato hasta el texto aprobado: sus fases, reuniones y documentos, y los Estados y organizaciones que participan.
home-none = Todavía no hay procesos.
home-open-process = Abrir el proceso

process-current-phase = Fase actual
process-no-current-phase = Hoy no está en ninguna fase
process-mandate = Mandato
process-co-facilitators = Cofacilitadores
process-secretariat = Secretaría
process-languages = Idiomas oficiales
process-timeline = Cronología
process-timeline-description = Las fases y reuniones del proceso en un eje temporal. Todas las reuniones figuran también en la lista siguiente.
process-timeline-continues = El proceso continúa con el seguimiento y examen; esas reuniones figuran con las demás.
process-phases = Fases
process-meetings = Reuniones
process-documents = Documentos
process-themes = Temas
process-view-all-meetings = Todas las reuniones
process-view-documents = Todos los documentos
process-key-facts = Datos clave
process-overview = Presentación
phase-open-ended = en curso
phase-dates = { $start } – { $end }
phase-since = desde el { $start }

phase-consultation = Consultas
phase-stocktaking = Balance
phase-negotiation = Negociación
phase-adoption = Aprobación
phase-follow_up = Seguimiento y examen

meeting-kind-thematic_session = Sesión temática
meeting-kind-regional_consultation = Consulta regional
meeting-kind-multi_stakeholder_hearing = Audiencia de múltiples interesados
meeting-kind-preparatory_meeting = Reunión preparatoria
meeting-kind-negotiation_round = Ronda de negociaciones
meeting-kind-informal_consultation = Consulta oficiosa
meeting-kind-conference = Conferencia
meeting-kind-plenary_meeting = Sesión plenaria
meeting-kind-review_forum = Foro de examen
meeting-kinds-thematic_session = Sesiones temáticas
meeting-kinds-regional_consultation = Consultas regionales
meeting-kinds-multi_stakeholder_hearing = Audiencias de múltiples interesados
meeting-kinds-preparatory_meeting = Reuniones preparatorias
meeting-kinds-negotiation_round = Rondas de negociaciones
meeting-kinds-informal_consultation = Consultas oficiosas
meeting-kinds-conference = Conferencias
meeting-kinds-plenary_meeting = Sesiones plenarias
meeting-kinds-review_forum = Foros de examen

meetings-title = Reuniones
meetings-filter-kind = Tipo de reunión
meetings-all-kinds = Todos los tipos
meetings-filter-apply = Mostrar
meetings-count = { $count ->
    [one] Una reunión
   *[other] { $count } reuniones
}
meetings-none = No hay reuniones de este tipo.
meeting-kind = Tipo
meeting-title = Título
meeting-dates = Fechas
meeting-venue = Lugar
meeting-venue-unknown = Sin confirmar
meeting-chairs = Presidencia
meeting-agenda = Programa
meeting-agenda-none = No se ha publicado ningún tema del programa.
meeting-themes = Temas
meeting-documents = Documentos
meeting-documents-none = No se ha publicado ningún documento para esta reunión.
meeting-note = Nota
meeting-number = N.º { $number }
meeting-process = Proceso

documents-title = Documentos
documents-intro = Los documentos del proceso publicados hasta la fecha, por fecha.
documents-none = No se ha publicado ningún documento.
document-symbol = Signatura
document-title = Título
document-kind = Tipo
document-date = Fecha
document-languages = Idiomas
document-meeting = Reunión
document-kind-issue_brief = Nota temática
document-kind-concept_note = Nota conceptual
document-kind-programme = Programa
document-kind-report = Informe
document-kind-draft = Borrador
document-kind-summary = Resumen
document-kind-letter = Carta
document-kind-non_paper = Documento oficioso
document-kind-resolution = Resolución
document-kind-outcome_document = Documento final

taxonomy-thematic-sessions = Temas de las sesiones temáticas
taxonomy-objectives = Objetivos

actors-title = Actores
actors-intro = Estados Miembros, Estados observadores, grupos de Estados y organizaciones que participan en los procesos.
actors-all = Todos
actors-count = { $count ->
    [one] Un actor
   *[other] { $count } actores
}
actor-code = Código
actor-name = Nombre
actor-kind = Categoría
actor-region = Región
actor-subregion = Subregión
actor-official-name = Nombre oficial
actor-member-since = Miembro de las Naciones Unidas desde
actor-members = Miembros
actor-member-of = Miembro de
actor-m49 = Código M49
actor-iso2 = ISO 3166-1 alfa-2
actor-iso3 = ISO 3166-1 alfa-3
actor-kind-member_state = Estado Miembro
actor-kind-observer_state = Estado observador
actor-kind-group = Grupo de Estados
actor-kind-un_entity = Entidad de las Naciones Unidas
actor-kind-intergovernmental_organisation = Organización intergubernamental
actor-kind-stakeholder_organisation = Organización de la sociedad civil
actor-kind-individual = Particular
actor-kinds-member_state = Estados Miembros
actor-kinds-observer_state = Estados observadores
actor-kinds-group = Grupos de Estados
actor-kinds-un_entity = Entidades de las Naciones Unidas
actor-kinds-intergovernmental_organisation = Organizaciones intergubernamentales
actor-kinds-stakeholder_organisation = Organizaciones de la sociedad civil
actor-kinds-individual = Particulares

language-ar = árabe
language-zh = chino
language-en = inglés
language-fr = francés
language-ru = ruso
language-es = español

error-not-found-title = Página no encontrada
error-not-found-body = No hay nada en esta dirección. Puede que la página se haya trasladado o que el enlace sea incorrecto.
error-bad-request-title = No se puede atender esta solicitud
error-unavailable-title = Servicio no disponible temporalmente
error-unavailable-body = El servicio no puede acceder a su base de datos. Vuelva a intentarlo en un momento.
error-internal-title = Se ha producido un error
error-internal-body = El error ha quedado registrado. Vuelva a intentarlo más tarde.
error-back-home = Volver al inicio

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
month-short-1 = ene.
month-short-2 = feb.
month-short-3 = mar.
month-short-4 = abr.
month-short-5 = may.
month-short-6 = jun.
month-short-7 = jul.
month-short-8 = ago.
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = dic.
date-full = { $day } de { $month } de { $year }
date-range-same-month = { $day } a { $end_day } de { $month } de { $year }
date-range = { $start } – { $end }
date-month-year = { $month } { $year }

## Signing in
nav-sign-in = Iniciar sesión
nav-sign-out = Cerrar sesión
nav-signed-in-as = Sesión de { $name }
login-title = Iniciar sesión
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-help = Las cuentas las crea la secretaría. Si olvidó su contraseña, pida a la secretaría un enlace para restablecerla.
login-failed = El correo electrónico o la contraseña no son correctos.
login-throttled = Demasiados intentos fallidos. Espere 15 minutos.
reset-title = Elegir una nueva contraseña
reset-new-password = Nueva contraseña (12 caracteres como mínimo)
reset-confirm = Repita la nueva contraseña
reset-submit = Guardar la contraseña
reset-mismatch = Las dos contraseñas no coinciden.
reset-done-title = Su contraseña ha cambiado
reset-done-body = Ya puede iniciar sesión con la nueva contraseña. Las sesiones anteriores se han cerrado.

## Audit log
nav-audit = Registro de auditoría
audit-title = Registro de auditoría
audit-action = Acción
audit-process = Proceso
audit-when = Fecha
audit-by = Autor
audit-acting-for = En nombre de
audit-targets = Registros
error-unauthenticated-title = Inicie sesión
error-forbidden-title = Acceso denegado

## Speakers' lists
speakers-title = Lista de oradores
speakers-none = Nadie ha pedido la palabra todavía.
speakers-speaker = Orador
speakers-category = Categoría
speakers-item = Tema del programa
speakers-time = Tiempo
speakers-status = Estado
speaker-category-group = Grupo de Estados
speaker-category-ministerial = Estado (nivel ministerial)
speaker-category-state = Estado
speaker-category-observer_state = Estado observador
speaker-category-un_entity = Entidad de la ONU u OIG
speaker-category-stakeholder = Parte interesada
speaker-category-right_of_reply = Derecho de respuesta
speaker-status-waiting = En espera
speaker-status-speaking = En el uso de la palabra
speaker-status-spoken = Ya intervino

## Participants
participants-title = Participantes
participants-none = Todavía no se ha inscrito nadie.

## The secretariat's forms
manage-title = Gestionar el proceso

## At a meeting
speakers-for = En nombre de
speakers-ministerial = A nivel ministerial
speakers-ask = Pedir la palabra
speakers-call = Dar la palabra
speakers-done = Marcar como intervenido
participants-register = Inscribirse en esta reunión

## Accreditation
accreditation-title = Acreditación de las partes interesadas
