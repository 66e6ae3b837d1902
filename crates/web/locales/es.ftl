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
accreditation-intro = Las organizaciones solicitan participar. Los Estados Miembros pueden formular objeciones dentro del plazo previsto en el procedimiento de no objeción; a continuación, la Secretaría adopta una decisión. Las objeciones y las decisiones quedan registradas.
accreditation-applications = Solicitudes
accreditation-none = Todavía no hay solicitudes.
accreditation-deadline = Plazo para presentar objeciones
accreditation-objections = Objeciones
accreditation-decision = Decisión
accreditation-for-state = En nombre de
accreditation-reason = Motivo
accreditation-object = Formular una objeción
accreditation-approve = Aprobar
accreditation-reject = Rechazar
accreditation-note = Nota
accreditation-record = Registrar la decisión
accreditation-apply = Solicitar la acreditación
accreditation-name = Nombre de la organización
accreditation-country = País (código ISO)
accreditation-website = Sitio web
accreditation-ecosoc = Reconocida como entidad consultiva por el ECOSOC
accreditation-description = Actividades de la organización
accreditation-submit = Enviar la solicitud
accreditation-received = Se ha recibido la solicitud n.º { $id }. Los Estados Miembros pueden formular objeciones dentro del plazo previsto en el procedimiento de no objeción; a continuación, la Secretaría adoptará una decisión.
accreditation-status-pending = Pendiente
accreditation-status-approved = Aprobada
accreditation-status-rejected = Rechazada
stakeholder-kind-ngo = Organización no gubernamental
stakeholder-kind-academia = Instituciones académicas
stakeholder-kind-private_sector = Sector privado
stakeholder-kind-trade_union = Sindicato
stakeholder-kind-migrants_or_diaspora_organisation = Organización de migrantes o de la diáspora
stakeholder-kind-local_authority = Autoridad local
stakeholder-kind-national_human_rights_institution = Institución nacional de derechos humanos

## Documents
document-no-symbol = —

## Audit log
audit-intro = Todos los cambios realizados en Accord: quién los hizo, en nombre de qué actor, qué se cambió, cuándo y qué registros se vieron afectados. Cada entrada contiene el hash de la anterior.
error-unauthenticated-body = Esta página está reservada a los usuarios que han iniciado sesión.
error-forbidden-body = Sus funciones no le permiten realizar esta acción.

## The secretariat's forms
manage-intro = Añada reuniones, documentos y fases. Cada cambio queda anotado en el registro de auditoría.
manage-meeting = Nueva reunión
manage-document = Nuevo documento
manage-phase = Nueva fase
manage-actor = Nuevo actor o grupo
manage-slug = Nombre corto (para los enlaces)
manage-number = Número
manage-start = Fecha de inicio
manage-end = Fecha de finalización
manage-venue-name = Edificio o sala
manage-city = Ciudad
manage-country = País (código ISO)
manage-agenda = Temas del programa, uno por línea
manage-distribution = Distribución
manage-public = Pública
manage-restricted = Reservada
manage-embargo = Bajo embargo hasta (UTC)
manage-phase-kind = Fase
manage-members = Miembros (códigos de los Estados, en el caso de un grupo)
manage-add-meeting = Añadir la reunión
manage-add-document = Añadir el documento
manage-add-phase = Añadir la fase
manage-add-actor = Añadir el actor

## Your account, API tokens, and the secretariat's account desk
nav-accounts = Cuentas
role-secretariat = Secretaría
role-co_facilitator = Cofacilitador
role-delegate = Delegado
role-un_entity_representative = Representante de una entidad de la ONU o de una OIG
role-stakeholder_representative = Representante de una parte interesada
account-title = Su cuenta
account-roles = Sus funciones
account-no-roles = Todavía no tiene ninguna función en ningún proceso: puede consultar lo que se ha publicado, como el público en general.
account-tokens = Tokens de API
account-tokens-intro = Un token permite que un script actúe en su nombre a través de la API JSON: envíelo como «Authorization: Bearer …». Dé a cada token el nombre del script que lo utiliza y revóquelo cuando el script ya no lo necesite.
account-token-created = Su nuevo token «{ $name }»:
account-token-once = Cópielo ahora: solo se muestra esta vez y Accord únicamente conserva su huella digital.
account-token-name = Nombre
account-token-name-example = p. ej., exportación nocturna de declaraciones
account-token-created-at = Fecha de creación
account-token-expires = Fecha de vencimiento
account-token-state = Estado
account-token-active = Activo
account-token-revoked = Revocado
account-token-expired = Vencido
account-token-revoke = Revocar
account-token-new = Nuevo token
account-token-days = Días hasta el vencimiento (de 1 a 366)
account-token-create = Crear el token
accounts-title = Cuentas
accounts-intro = Cree cuentas para las personas que intervienen en un proceso y genere enlaces para restablecer la contraseña. Accord no envía correos electrónicos: transmita usted mismo cada enlace por un canal de confianza.
accounts-new = Nueva cuenta
accounts-email = Correo electrónico
accounts-name = Nombre
accounts-role = Función
accounts-no-role = Sin función por ahora
accounts-process = Proceso
accounts-all-processes = Todos los procesos
accounts-actor = En nombre de (código del Estado, el grupo o la organización)
accounts-new-hint = La persona elige su propia contraseña mediante el enlace que aparece una vez creada la cuenta; nadie más la conoce.
accounts-create = Crear la cuenta
accounts-reset = Enlace para restablecer la contraseña
accounts-issue-link = Generar un enlace
accounts-link-for = Enlace para que { $email } elija una contraseña:
accounts-link-once = Solo puede usarse una vez, en un plazo de { $hours } horas. Cópielo ahora: no volverá a mostrarse.
speakers-time-limits = Límites de tiempo de las intervenciones
speakers-time-limits-hint = En minutos, o en minutos:segundos (de 15 segundos a 60 minutos). Deje un campo vacío para aplicar el límite habitual.
speakers-time-limits-save = Fijar los límites de tiempo
speakers-time-limit-set = fijado para esta reunión
manage-theme = Nuevo tema
manage-theme-code = Código (para los enlaces)
manage-theme-taxonomy = Taxonomía (p. ej., topics, objectives)
manage-add-theme = Añadir el tema
manage-process = Nuevo proceso
manage-process-intro = Un proceso intergubernamental, desde su mandato hasta su resultado. Las fases, reuniones, documentos y temas se añaden en su página de gestión una vez creado el proceso.
manage-process-title = Título
manage-process-description = Descripción
manage-process-mandate = Mandato (signaturas de las resoluciones, separadas por comas)
manage-process-languages = Idiomas oficiales
manage-process-meeting-kinds = Tipos de reuniones que celebra
manage-process-co-facilitators = Cofacilitadores, uno por línea: Nombre | Cargo | código del Estado
manage-process-secretariat = Secretaría, una persona por línea: Nombre | Cargo
manage-process-create = Crear el proceso
home-new-process = Nuevo proceso

## The consultation phase
synthetic = Datos de prueba sintéticos
statement-title = Declaración
statements-title = Declaraciones
statements-none = No se ha publicado ninguna declaración para esta reunión.
statement-on-behalf-of = en nombre de
statement-languages = Idiomas de esta declaración
statement-no-text = El texto de esta declaración aún no se ha publicado.
statement-add = Añadir una declaración
statement-speaker = Orador (código del Estado, la entidad de la ONU o la organización)
statement-for-group = En nombre de un grupo (código, opcional)
statement-delivered-on = Pronunciada el
statement-text = Texto (párrafos separados por una línea en blanco)
statement-add-submit = Añadir la declaración
text-detected = idioma detectado automáticamente
distribution-public = Pública
distribution-restricted = Solo Estados Miembros
distribution-secretariat = Solo la Secretaría
recommendations-title = Recomendaciones
recommendations-intro = Propuestas concretas y viables que la Secretaría ha encontrado en las declaraciones y las contribuciones por escrito, cada una con un enlace al lugar donde se formuló.
recommendations-none = Todavía no se ha marcado ninguna recomendación.
recommendation-mark = Marcar una recomendación
recommendation-passage = El pasaje, tal como figura en el texto
recommendation-mark-submit = Marcar la recomendación
recommendation-source-statement = En la declaración n.º { $id }
recommendation-source-input = En la contribución n.º { $id }
consultation-title = Convocatoria de contribuciones
consultations-title = Convocatorias de contribuciones
consultation-open = Abierta
consultation-closed = Cerrada
input-send = Enviar una contribución
input-send-intro = Cualquier persona puede participar por escrito en esta consulta. Lo que envíe se publicará junto con su organización y su país, si los indica; su nombre solo aparecerá si lo facilita.
input-author = Su nombre (opcional)
input-organisation = Organización (opcional)
input-country = País (código ISO, opcional)
input-language = Idioma
input-language-detect = Detectarlo a partir del texto
input-text = Su contribución
input-submit = Enviar la contribución
inputs-title = Contribuciones recibidas
inputs-none = Todavía no se ha publicado ninguna contribución.
input-title = Contribución n.º { $id }
input-kind = Contribución por escrito
input-no-organisation = Un miembro del público
statement-upload = Cargar un archivo
statement-file = Un archivo por idioma: PDF, DOCX, ODT, HTML, Markdown o texto, hasta { $mb } MB
statement-upload-submit = Cargar
text-pending = Se está leyendo este archivo; su texto aparecerá aquí cuando esté listo. Vuelva a cargar la página para verlo.
text-failed = No se pudo leer nada de este archivo; aun así, puede descargarse.
process-feed = Canal Atom de publicaciones
process-calendar = Calendario de reuniones (iCalendar)

## Search
nav-search = Búsqueda
search-title = Búsqueda
search-placeholder = Palabras, o "una frase entre comillas"
search-submit = Buscar
search-results = { $total ->
    [one] Un resultado
   *[other] { $total } resultados
}
search-none = No hay coincidencias. Pruebe con menos palabras o quite un filtro.
search-facets = Filtrar los resultados
search-kind-statement = Declaración
search-kind-document = Documento
search-kind-input = Contribución
search-kind-recommendation = Recomendación
search-facet-process = Proceso
search-facet-meeting = Reunión
search-facet-meeting_kind = Tipo de reunión
search-facet-actor = Actor
search-facet-actor_kind = Categoría de actor
search-facet-theme = Tema
search-facet-language = Idioma
search-facet-year = Año
search-facet-document_kind = Tipo de documento
search-facet-kind = Tipo
pagination-previous = Página anterior
actor-kind-public = El público
document-upload = Cargar el archivo de un documento
document-download = Descargar el archivo en { $language }
