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
accreditation-intro = Las organizaciones solicitan participar. Los Estados Miembros pueden formular objeciones dentro del plazo previsto en el procedimiento de no objeción. A continuación, la Secretaría decide sobre las solicitudes que no suscitaron objeciones; una solicitud objetada se remite al órgano que designa el reglamento del proceso, cuya decisión registra la Secretaría. Las objeciones y las decisiones quedan registradas.
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
accreditation-status-referred = Remitida
accreditation-rule-plenary = Las solicitudes a las que un Estado Miembro haya objetado las decide el plenario.
accreditation-rule-bureau = Las solicitudes a las que un Estado Miembro haya objetado las decide la Mesa.
accreditation-deciding-body = Órgano que decide sobre las solicitudes objetadas
accreditation-body-plenary = El plenario
accreditation-body-bureau = La Mesa
accreditation-set-deciding-body = Guardar la norma
accreditation-referred-to-plenary = Remitida al plenario
accreditation-referred-to-bureau = Remitida a la Mesa
accreditation-decision-of-plenary = Decisión del plenario
accreditation-decision-of-bureau = Decisión de la Mesa
accreditation-record-decision-of-plenary = Un Estado Miembro formuló una objeción: decide el plenario. Registre su decisión.
accreditation-record-decision-of-bureau = Un Estado Miembro formuló una objeción: decide la Mesa. Registre su decisión.
accreditation-outcome = Resultado
accreditation-decided-on = Fecha de la decisión
accreditation-decided-at-meeting = Sesión
accreditation-no-meeting = Sin sesión indicada
accreditation-reference = Referencia (signatura de la decisión)
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
speakers-time-limit-save-one = Fijar
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

## Negotiation: drafts, versions, amendments, compilation, redline, lineage, silence
process-view-drafts = Borradores y negociación
drafts-title = Borradores
drafts-lead = Los textos en negociación: sus versiones, las enmiendas propuestas y cómo avanzaron los párrafos hacia el acuerdo.
drafts-none = Todavía no hay ningún borrador.
drafts-new = Nuevo borrador
drafts-new-submit = Crear el borrador
drafts-kind = Tipo de borrador
drafts-symbol = Signatura del documento (si la tiene)
draft-kind-negotiating_text = Texto de negociación
draft-kind-resolution = Proyecto de resolución
negotiation-simulated = Las enmiendas que aquí se muestran son una simulación con fines de demostración. No reflejan la posición de ningún Estado ni grupo.
negotiation-simulated-badge = Simulación
draft-versions = Versiones
draft-version = Versión
draft-issued = Fecha de publicación
draft-paragraphs = Párrafos
draft-open-proposals = Con propuestas pendientes
draft-progress = Avance
draft-progress-label = Párrafos aprobados ad referéndum: { $agreed } de { $paragraphs }; entre corchetes: { $bracketed }
draft-read = Leer
draft-compilation = Texto de compilación
draft-redline = Cambios respecto de la versión anterior
draft-no-versions = Todavía no se ha publicado ninguna versión.
draft-import = Importar una versión
draft-import-help = Un archivo DOCX con la presentación de los borradores de las Naciones Unidas (párrafos numerados «1.», apartados «(a)», encabezados «Objective 1:»), o un texto Markdown en el formato de Accord. Consulte primero la vista previa: no se guarda nada hasta que lo publique.
draft-import-file = Archivo DOCX o Markdown
draft-import-markdown = O pegue el texto Markdown
draft-import-preview = Vista previa
draft-import-issue = Publicar como la siguiente versión
draft-label = Etiqueta
draft-preview-title = Elementos reconocidos
draft-preview-counts = Secciones: { $sections }; objetivos: { $objectives }; párrafos: { $paragraphs }; apartados: { $subparagraphs }.
draft-preview-line = Línea { $line }
draft-revision = Publicar una versión revisada
draft-take-up = Enmiendas que se incorporan tal como se presentaron
draft-revision-submit = Publicar la versión revisada
version-superseded = Existe una versión posterior
version-counts = Párrafos: { $paragraphs }; aprobados ad referéndum: { $agreed }; entre corchetes: { $bracketed }; con propuestas pendientes: { $open }.
version-views = Otras vistas de esta versión
version-lineage = De dónde procede el texto
version-open-proposals = { $count ->
    [one] { $count } propuesta pendiente
   *[other] { $count } propuestas pendientes
}
kind-section = sección
kind-paragraph = Párrafo
kind-subparagraph = Apartado
status-under_negotiation = En negociación
status-agreed_ad_ref = Aprobado ad referéndum
status-bracketed = Entre corchetes
status-deleted = Suprimido
status-set = Establecer el estado de un párrafo
status-label = Estado
status-options = Variantes (una por línea, para un párrafo entre corchetes)
status-submit = Establecer el estado
op-insert = Insertar palabras
op-delete = Suprimir palabras
op-replace = Sustituir palabras
op-add = Añadir un párrafo
op-delete_node = Suprimir el párrafo
op-move = Trasladar el párrafo
amend-title = Proponer una enmienda
amend-proposer = En nombre de
amend-node = Párrafo
amend-op = Enmienda
amend-kind = Tipo de nuevo párrafo
amend-co-sponsors = Copatrocinadores
amend-co-sponsors-pending = Designados copatrocinadores, a la espera de su propia confirmación:
amend-justification = Justificación
amend-submit = Presentar la enmienda
amend-proposers = Propuesta por
amend-supporters = Apoyada por
amend-objectors = Objetada por
amend-actor = Estado o grupo
amend-stance = Posición
amend-when = Fecha
amendment-title = Enmienda A{ $number }
amendment-effect = Efecto de la enmienda
amendment-after = Un nuevo párrafo después de { $node }:
amendment-move-after = Traslada el párrafo después de { $node }.
amendment-positions = Apoyos y objeciones
amendment-no-positions = Ningún Estado se ha pronunciado todavía.
amendment-position-submit = Registrar la posición
amendment-withdraw = Retirar la enmienda
amendment-co-sponsor-confirm = Confirmar el copatrocinio de { $actor }
amendment-co-sponsor-decline = Rechazar en nombre de { $actor }
amendment-co-sponsor-leave = Retirar a { $actor } como copatrocinador
amendment-outcome = Resultado
amendment-note = Nota
amendment-decide = Registrar la decisión
amendment-status-tabled = Presentada
amendment-status-withdrawn = Retirada
amendment-status-accepted = Aceptada
amendment-status-accepted_as_modified = Aceptada en su forma modificada
amendment-status-rejected = Rechazada
amendment-status-superseded = Sustituida
stance-support = Apoyo
stance-object = Objeción
compilation-title = Texto de compilación
compilation-amendments = Enmiendas
compilation-actor = Estado o grupo
compilation-status = Estado
compilation-filter = Mostrar
compilation-shown = Propuestas mostradas: { $shown }; excluidas por el filtro: { $hidden }.
compilation-delete-node = Supresión propuesta
compilation-move-node = Traslado propuesto a otro lugar
compilation-moved-here = Se propone trasladar aquí el párrafo { $node }
redline-title = Cambios
redline-summary = Añadidos: { $added }; suprimidos: { $deleted }; modificados: { $changed }; trasladados: { $moved }. Palabras añadidas: { $words_added }; palabras suprimidas: { $words_deleted }.
redline-from = De
redline-to = A
redline-compare = Comparar
redline-changes-only = Solo los cambios
redline-moved = Trasladado (antes { $from })
lineage-title = Procedencia del texto
lineage-lead = Cada palabra, con la versión en que se introdujo y su origen: una enmienda o los cofacilitadores.
lineage-origins = Orígenes
lineage-words = Palabras
lineage-source = Origen
lineage-cofac = Los cofacilitadores
lineage-first = La primera versión
silence-title = Procedimientos de acuerdo tácito
silence-none = Ningún texto se ha sometido al procedimiento de acuerdo tácito.
silence-deadline = Plazo
silence-time-zone = Huso horario
silence-running = El procedimiento de acuerdo tácito está en curso.
silence-adopted = Aprobado mediante el procedimiento de acuerdo tácito.
silence-broken = Se ha roto el silencio.
silence-broken-by = por
silence-letters = Cartas por las que se rompe el silencio
silence-letter = Carta de { $state } por la que se rompe el silencio
silence-break-submit = Romper el silencio
silence-open = Someter una versión al procedimiento de acuerdo tácito
silence-open-submit = Iniciar el procedimiento de acuerdo tácito

## Stocktaking: recommendation candidates
recommendation-candidates = Recomendaciones sugeridas
recommendation-candidates-help = Oraciones que parecen recomendaciones (en español, francés e inglés). Confirme las que lo son; las demás quedan sin marcar.
recommendation-confirm = Confirmar como recomendación
recommendation-dismiss = No es una recomendación

## Stocktaking
stocktaking-title = Balance
stocktaking-lead = Todo lo dicho y escrito en las consultas, analizado: los temas que aborda, los grupos dentro de cada tema, las campañas y quién dijo qué.
stocktaking-none = Todavía no se ha analizado nada.
stocktaking-analyse = Analizar las contribuciones y las declaraciones
stocktaking-analyse-help = Detecta las campañas, asigna a cada contribución y a cada declaración un tema con un grado de confianza y agrupa los elementos similares dentro de cada tema. Se ejecuta en segundo plano y, al terminar, sustituye al análisis anterior; los temas que usted haya asignado se conservan y el modelo aprende de ellos.
stocktaking-threshold = Umbral de casi duplicados (0.3–0.99)
stocktaking-analyse-submit = Analizar ahora
stocktaking-run = Contribuciones analizadas: { $inputs }; declaraciones analizadas: { $statements }; campañas: { $campaigns }
stocktaking-themes = Temas
stocktaking-unassigned = Elementos no asociados a ningún tema: { $count }.
stocktaking-theme-counts = Contribuciones: { $inputs }; declaraciones: { $statements }
stocktaking-clusters = Grupos de contribuciones similares
stocktaking-key-phrases = Frases clave
stocktaking-inputs = Contribuciones
stocktaking-representative = Contribuciones representativas
stocktaking-campaign-share = Contribuciones que forman parte de campañas: { $inputs } ({ $percent }%).
stocktaking-analysis = Análisis
stocktaking-theme = Tema
stocktaking-labelled = tema asignado por la Secretaría
stocktaking-confidence = grado de confianza: { $percent }%
stocktaking-no-theme = Sin tema
stocktaking-campaign = Campaña
stocktaking-correct = Corregir el tema
stocktaking-correct-submit = Establecer el tema
jobs-title = Tareas
job-kind-analysis = Análisis
job-kind-import_inputs = Importación de contribuciones
job-status-running = En curso
job-status-succeeded = Terminada
job-status-failed = Fallida
campaigns-title = Campañas
campaigns-lead = Contribuciones que consisten en una misma carta enviada muchas veces, palabra por palabra o con pequeños cambios. Cada contribución original se conserva y puede consultarse.
campaigns-all = Todas las campañas
campaign-title = Campaña n.º { $number }
campaign-size = { $count ->
    [one] { $count } contribución
   *[other] { $count } contribuciones
}
campaign-variants = Variantes
campaign-seen = Primera y última recepción
campaign-text = Texto
campaign-inputs = Contribuciones de la campaña
who-title = Quién dijo qué
who-by-kind = Por categoría
who-by-region = Estados por región (declaraciones de los Estados y contribuciones procedentes de ellos)
who-total = Total
who-inputs = Contribuciones por escrito
who-unknown = Sin determinar
who-help = Las columnas corresponden a los temas, en el orden indicado más arriba, y a continuación a los elementos sin tema.
report-title = Informe de balance
report-docx = Versión en Word (DOCX)
report-print = Imprima esta página o guárdela como PDF desde el cuadro de diálogo de impresión.
report-received = Contribuciones recibidas
report-by-language = Contribuciones por idioma
report-by-region = Contribuciones por región
report-over-time = Contribuciones por semana
report-statements-by-kind = Declaraciones por categoría de actor
report-figures = Las cifras en forma de cuadros
report-method = Campañas: las contribuciones cuyas secuencias de palabras (shingles) coinciden al menos en un { $threshold }% forman una misma campaña. Temas: los asigna un modelo entrenado con los títulos de los temas, las recomendaciones a las que se ha asignado un tema y { $labels } asignaciones de tema realizadas por la Secretaría.
coverage-title = Cobertura de las recomendaciones
coverage-lead = Para cada recomendación, los párrafos del borrador que la atienden: vinculados por los cofacilitadores o sugeridos por similitud.
coverage-answered = Recomendaciones atendidas: { $answered } de { $total }
coverage-no-draft = Todavía no hay ningún borrador.
coverage-unanswered = Recomendaciones recurrentes que todavía no atiende ningún párrafo
coverage-none-unanswered = Todas las recomendaciones recurrentes están atendidas.
coverage-times = { $count ->
    [one] formulada { $count } vez
   *[other] formulada { $count } veces
}
coverage-source = fuente
coverage-linked = Párrafos que la atienden
coverage-none = ninguno por ahora
coverage-suggested = Párrafos sugeridos
coverage-link = Vincular
coverage-unlink = Quitar el vínculo con el párrafo
stocktaking-synthetic = { $count } de los elementos analizados son datos de prueba sintéticos, generados para probar el sistema; ninguno fue escrito por una persona.
stocktaking-public-only = El análisis abarca lo que todos pueden leer: se excluyen los elementos de distribución restringida o bajo embargo en el momento del análisis.

## Adoption and follow-up
adoptions-title = Aprobación
adoptions-lead = Cómo se aprobó el texto: por consenso o por votación registrada, en qué sesión y qué aprobación refrendó a cuál.
adoptions-none = Todavía no se ha aprobado nada en este proceso.
adoption-adopted = Aprobado
adoption-not-adopted = No aprobado
adoption-method = Procedimiento de aprobación
adoption-method-consensus = Por consenso
adoption-method-recorded_vote = Por votación registrada
adoption-totals = A favor: { $yes }; en contra: { $no }; abstenciones: { $abstain }; no votantes: { $not_voting }
adoption-version = Texto aprobado
adoption-endorses = Refrenda
adoption-endorsed-by = Refrendada por
adoption-endorsed-text = texto refrendado
adoption-resolution = La resolución
adoption-resolution-lead = Aprobada a partir del proyecto de resolución
adoption-resolution-preambular = Párrafos del preámbulo
adoption-resolution-operative = Párrafos de la parte dispositiva
adoption-resolution-not-recorded = El texto de la resolución no está registrado aquí.
adoption-outcome = Resultado
adoption-majority = Mayoría requerida
adoption-majority-simple = Mayoría simple de los miembros presentes y votantes
adoption-majority-two_thirds = Mayoría de dos tercios de los miembros presentes y votantes
adoption-needed = Votos a favor necesarios: { $needed }
adoption-totals-title = Resultado de la votación
adoption-vote = Voto
adoption-total = Total
adoption-named = Nombrados en el registro
adoption-not-recorded-note = Estados Miembros sin voto registrado: { $count }. Las fuentes no los mencionan en ninguna columna, por lo que el registro indica «No registrado» en lugar de suponer un voto.
adoption-export-csv = Votos (CSV)
adoption-export-akn = Akoma Ntoso (XML)
adoption-export-svg = Mapa (SVG)
adoption-map = La votación en un mapa
adoption-map-alternative = El cuadro de Estados Miembros que figura a continuación ofrece la misma información que el mapa.
adoption-not-drawn = No representados a esta escala
adoption-statements = Declaraciones sobre la aprobación
adoption-statement-explanation_before = Explicación de voto antes de la votación
adoption-statement-explanation_after = Explicación de voto después de la votación
adoption-statement-position = Declaración de posición
adoption-statement-reservation = Reserva
adoption-statement-dissociation = Desvinculación
adoption-states = Estados Miembros
adoption-sort = Ordenar por
adoption-sort-name = Nombre
adoption-sort-vote = Voto
adoption-sort-region = Región
adoption-subregion = Subregión
adoption-table-caption = Voto de cada Estado Miembro; «No registrado» cuando las fuentes no lo indican.
vote-yes = A favor
vote-no = En contra
vote-abstain = Abstención
vote-not-voting = No votante
vote-not-recorded = No registrado
vote-map-title = Mapa mundial de la votación: { $title }
vote-map-description = Cada Estado Miembro aparece relleno según su voto, con una trama además de un color; el cuadro de Estados Miembros ofrece la misma información.
pledges-title = Compromisos
pledges-lead = Los compromisos asumidos por los Estados y otros actores en favor de los objetivos del texto aprobado, y los avances de los que informan.
pledges-objectives = Objetivos del texto aprobado
pledges-nothing-adopted = Los compromisos se asumen respecto de un texto aprobado; todavía no se ha aprobado nada.
pledges-all = Todos los compromisos
pledges-none = Todavía no hay compromisos.
pledge-objectives = Objetivos
pledge-status-announced = Anunciado
pledge-status-in_progress = En curso
pledge-status-fulfilled = Cumplido
pledge-status-withdrawn = Retirado
pledge-reports = { $count ->
    [one] { $count } informe sobre los avances
   *[other] { $count } informes sobre los avances
}
objective-title = Objetivo { $number }
objective-pledges = { $count ->
    [one] { $count } compromiso relativo a este objetivo, por región
   *[other] { $count } compromisos relativos a este objetivo, por región
}
objective-other-actors = Otros actores (no estatales)

## A version in the six languages
languages-title = Idiomas
languages-lead = La versión en los seis idiomas oficiales, alineada párrafo por párrafo. Mientras un párrafo no esté traducido, los archivos exportados conservan el texto original en inglés.
languages-progress = Estado de la traducción
languages-language = Idioma
languages-translated = Traducido
languages-updated = Última actualización
languages-exports = Exportaciones
languages-original = original
languages-count = { $translated } de { $total } elementos
languages-side-by-side = Textos en paralelo
languages-left = Izquierda
languages-right = Derecha
languages-show = Mostrar
languages-status-missing = Todavía sin traducir
languages-upload = Aportar una traducción
languages-upload-help = Un archivo DOCX o Markdown con la misma presentación que el original: cada encabezado y cada párrafo se empareja por su identificador ({"{"}#id{"}"}, como en la exportación a Markdown) o, en su defecto, por su número. El archivo sustituye el texto existente en este idioma.
languages-upload-button = Guardar la traducción

## Taking a vote
adoption-voting = Votación en curso
adoption-voting-lead = Se está procediendo a la votación. Estados Miembros que han votado: { $cast } de { $members }. El mapa y el cuadro que figuran a continuación reflejan los votos a medida que se emiten.
adoption-vote-for = Voto de { $state }
adoption-close-vote = Cerrar la votación
adoption-close-help = Los Estados Miembros que no hayan votado se registran como no votantes; se hace el recuento de los votos y se determina el resultado.
adoption-link-statement = Declaración formulada en la sesión
adoption-link-kind = Vinculada como
adoption-link-button = Vincular la declaración
adoption-record = Registrar una aprobación
adoption-version-number = Número de la versión
adoption-vote-open = La votación se realiza en Accord: cada delegación emite su voto (deje los totales vacíos)
adoption-record-button = Registrar la aprobación
vote-not-yet = Aún no ha votado

## Making pledges
pledge-make = Asumir un compromiso
pledge-actor = Compromiso asumido por
pledge-made-on = Fecha
pledge-status = Estado
pledge-meeting = Anunciado en
pledge-title = Título
pledge-description = Contenido del compromiso
pledge-make-button = Registrar el compromiso
pledge-report = Informar sobre los avances
pledge-reported-on = Fecha del informe
pledge-report-text = Avances
pledge-report-button = Registrar el informe

# The process bar (every page of a process)
process-bar = Secciones de { $title }
process-bar-current-phase = fase actual
process-bar-follow-up = Seguimiento

# The amendment page of a paragraph
amend-this = Proponer una enmienda
amend-page-title = Enmendar { $num }
amend-current = El texto actual
amend-what = ¿Qué desea cambiar?
amend-op-revise = Cambiar el texto
amend-op-add = Añadir un párrafo después de este
amend-op-move = Trasladar este párrafo
amend-op-delete_node = Suprimir este párrafo
amend-revised = El párrafo tal como lo propone
amend-revised-help = Edite el texto en el recuadro. Lo que suprima aparecerá tachado y lo que añada, subrayado; el cambio se presenta como una sola modificación con control de cambios.
amend-new-text = Texto del nuevo párrafo
amend-move-after = Trasladarlo después de
amend-delete-note = Se suprimiría el párrafo entero, con sus apartados.
amend-co-sponsors-help = Cada Estado que nombre figurará como copatrocinador cuando su propia delegación lo confirme. Escriba su código (MEX) o elíjalo de la lista.
amend-preview = Vista previa con control de cambios
amend-preview-title = Vista previa: el párrafo enmendado
amend-preview-added = Nuevo párrafo
amend-preview-moved = El párrafo pasa a estar después de { $num }.
amend-preview-help = Aún no se ha presentado nada. Corrija el formulario si es necesario y presente la enmienda.
amend-not-latest = Esta versión ha sido reemplazada: las enmiendas se presentan a la última versión.
amend-go-latest = Ir al proyecto
amend-not-negotiating = Las enmiendas se presentan durante la negociación; el proceso no está ahora en su fase de negociación.
amend-not-allowed = Las enmiendas las presenta la delegación de un Estado o el orador designado de un grupo.

# One-click actions on a proposal in the compilation
compilation-act = Acción
act-support = Apoyar
act-object = Objetar
act-withdraw = Retirar
act-accept = Aceptar
act-reject = Rechazar
## Quién dijo qué (página de un actor), páginas propias de los documentos
actor-record-title = Lo que dijo e hizo
actor-record-none = No hay nada en el registro que usted pueda consultar.
actor-record-statements = Declaraciones
actor-record-amendments = Enmiendas
actor-record-positions = Posiciones sobre enmiendas
actor-record-ballots = Votos registrados
actor-record-explanations = Explicaciones de voto y declaraciones sobre las aprobaciones
actor-record-pledges = Compromisos
actor-record-amendment = Enmienda { $number } a { $version }
actor-role-proposer = Autor
actor-role-co_sponsor = Copatrocinador
actor-role-named_co_sponsor = Designado copatrocinador, aún sin confirmar
actor-former-members = Antiguos miembros
actor-membership-since = desde el { $date }
actor-membership-until = hasta el { $date }
actor-membership-from-to = del { $from } al { $to }
search-kind-actor = Actor
search-kind-meeting = Reunión
document-page-files = Archivos
document-page-no-files = No se ha subido ningún archivo de este documento.
document-file-type = Tipo
document-file-size = Tamaño
document-file-download = Descargar
document-text-show = Mostrar el texto
document-distribution = Distribución
document-embargo = Con embargo hasta
document-official-record = Documento oficial
document-official-record-link = Abrir { $symbol } en el sistema de documentos oficiales
manage-process-record-resolver = Documento oficial por signatura: una dirección https:// en la que {"{"}symbol{"}"} ocupa el lugar de la signatura (vacío: el servicio de las Naciones Unidas)
# The secretariat's desk: meetings changed, confirmations
meeting-cancelled = Cancelada
meeting-history = Historial de cambios
meeting-history-edited = Modificada
meeting-history-postponed = Aplazada del { $before } al { $after }
meeting-history-rescheduled = Reprogramada del { $before } al { $after }
meeting-history-cancelled = Cancelada
meeting-history-reason = motivo:
meeting-history-by = por { $name }, el { $date }
meeting-field-title = título
meeting-field-start_date = fecha de inicio
meeting-field-end_date = fecha de clausura
meeting-field-venue = lugar
meeting-field-agenda = programa
meeting-field-note = nota
meeting-field-status = estado
desk-meeting-title = Modificar la reunión
desk-meeting-intro = Modifique, aplace o cancele esta reunión. Cada cambio se conserva en el historial de la reunión y en el registro de auditoría.
desk-meeting-link = Modificar, aplazar o cancelar
desk-meeting-cancelled-no-change = Esta reunión está cancelada: solo podrá modificarse o cambiarse de fecha una vez restablecida.
desk-meeting-edit = Modificar la reunión
desk-meeting-save = Guardar los cambios
desk-reason-optional = Motivo (opcional)
desk-reason = Motivo
desk-meeting-postpone = Aplazar o reprogramar
desk-meeting-postpone-intro = Indique las nuevas fechas y el motivo. Las fechas posteriores se registran como un aplazamiento; las anteriores, como una reprogramación.
desk-new-start = Nueva fecha de inicio
desk-new-end = Nueva fecha de clausura
desk-meeting-postpone-button = Cambiar las fechas
desk-meeting-cancel = Cancelar la reunión
desk-meeting-cancel-intro = La reunión sigue en la lista, marcada como cancelada, con el motivo.
desk-meeting-cancel-button = Cancelar la reunión
done-meeting-edited = Se modificó la reunión.
done-meeting-postponed = Se aplazó la reunión.
done-meeting-rescheduled = Se reprogramó la reunión.
done-meeting-cancelled = Se canceló la reunión.
meeting-history-reinstated = Restablecida
meeting-field-title_translations = traducciones del título
desk-meeting-reinstate = Restablecer la reunión
desk-meeting-reinstate-intro = La reunión se celebrará finalmente, en las fechas previstas. Indique el motivo: se conserva en el historial de la reunión.
desk-meeting-reinstate-button = Restablecer la reunión
done-meeting-reinstated = Se restableció la reunión.
record-history-edited = Modificado
record-history-withdrawn = Retirado
document-field-symbol = signatura
document-field-title = título
document-field-kind = tipo
document-field-date = fecha
document-field-languages = idiomas
document-field-distribution = distribución
document-field-embargo_until = embargo
document-field-meeting = reunión
document-field-status = estado
document-withdrawn = Retirado
desk-document-title = Modificar el documento
desk-document-intro = Modifique los datos de este documento o retírelo. Cada cambio se conserva en el historial del documento y en el registro de auditoría.
desk-document-link = Modificar o retirar
desk-document-edit = Modificar los datos
desk-document-save = Guardar los cambios
desk-document-withdraw = Retirar el documento
desk-document-withdraw-intro = Un documento retirado sigue pudiendo consultarse en su dirección, marcado como retirado con el motivo, y ya no figura en las listas.
desk-document-withdraw-button = Retirar el documento
done-document-edited = Se modificó el documento.
done-document-withdrawn = Se retiró el documento.
done-consultation-opened = Se abrió la convocatoria de contribuciones.
done-consultation-closed = Se cerró la convocatoria de contribuciones.
done-consultation-extended = Se prorrogó la fecha de cierre de la convocatoria de contribuciones.
done-adoption-recorded = Se registró la aprobación.

# The secretariat's desk: calls for inputs
calls-title = Convocatorias de contribuciones
calls-intro = Las convocatorias de contribuciones escritas de este proceso: abiertas, próximas y cerradas.
calls-open = Abiertas
calls-upcoming = Próximas
calls-closed = Cerradas
calls-opens = Se abre el { $at } UTC
calls-closes = se cierra el { $at } UTC
calls-closed-at = cerrada el { $at } UTC
calls-no-end = sin fecha de cierre
calls-closed-reason = Cerrada antes de plazo, motivo:
calls-close-now = Cerrar ahora
calls-new-closing = Nuevo cierre (UTC)
calls-extend = Prorrogar
calls-none = Ninguna.
calls-open-new = Abrir una convocatoria de contribuciones
calls-times-utc = Las fechas y horas se indican en UTC.
calls-description = Descripción
calls-opens-label = Apertura (UTC)
calls-closes-label = Cierre (UTC, opcional)
calls-open-button = Abrir la convocatoria

# The secretariat's desk: an adoption's ballots from the form
adoption-ballots-title = Votos de los Estados que constan (opcional)
adoption-ballots-hint = Pegue o escriba los códigos de los Estados para cada voto, separados por espacios, comas o saltos de línea (por ejemplo CZE HUN ISR POL USA). Un Estado omitido figura como «no registrado»; nunca se supone su voto.

# The secretariat's desk: what needs attention
attention-title = Lo que requiere atención
attention-applications-in-objection-period = solicitudes de acreditación en período de no objeción
attention-applications-to-decide = solicitudes pendientes de decisión
attention-applications-referred = solicitudes remitidas al órgano competente, pendientes de su decisión
attention-pending-uploads = archivos subidos que aún se están leyendo
attention-open-silences = procedimientos de acuerdo tácito en curso
attention-amendments-awaiting-decision = enmiendas pendientes de decisión
attention-running-jobs = tareas en curso
attention-failed-jobs = tareas fallidas
# The vote map when the record counts votes it does not name (issue 16, item 7).
vote-unnamed-lead = El registro da estos totales sin nombrar a todos los Estados. Los Estados que no nombra aparecen rayados en gris como «no registrados», cualquiera que fuera su voto:
vote-unnamed-yes = { $named ->
    [0] { $total } votos a favor — no nombrados en el registro
   *[other] { $total } votos a favor — { $unnamed } no nombrados en el registro
}
vote-unnamed-no = { $named ->
    [0] { $total } votos en contra — no nombrados en el registro
   *[other] { $total } votos en contra — { $unnamed } no nombrados en el registro
}
vote-unnamed-abstain = { $named ->
    [0] { $total } abstenciones — no nombradas en el registro
   *[other] { $total } abstenciones — { $unnamed } no nombradas en el registro
}
vote-unnamed-not-voting = { $named ->
    [0] { $total } no votantes — no nombrados en el registro
   *[other] { $total } no votantes — { $unnamed } no nombrados en el registro
}
vote-map-alt = El voto de cada Estado Miembro figura en el cuadro de Estados Miembros, debajo del mapa.

# Process and meeting titles in other languages (issue 16, item 6).
title-translations = Título en otros idiomas
title-translations-help = Opcional: el título tal como deben verlo los lectores de cada idioma. Si se deja vacío, verán el título anterior.
actor-kind-simulated_delegation = Delegación simulada (demostración, no es un Estado)
actor-kind-simulated_group = Grupo simulado (demostración)
actor-kinds-simulated_delegation = Delegaciones simuladas
actor-kinds-simulated_group = Grupos simulados
statement-filed-late = Presentada fuera de plazo
statement-filed-late-note = Registrada por la secretaría después del cierre del plazo de la sesión para las declaraciones
adoption-as-it-stands = Aprobado en su forma actual
adoption-not-agreed-listed = Párrafos no acordados en el momento de la aprobación: { $paragraphs }
adoption-as-it-stands-all-agreed = Todos los párrafos estaban acordados
adoption-as-it-stands-field = La reunión decidió aprobar el texto en su forma actual (los párrafos no acordados se consignan con la aprobación)
silence-adopted-agreed = Sus párrafos se marcaron como «Aprobado ad referéndum» al vencer el plazo.
silence-ended-at-break = Terminó al romperse el silencio:

# Phases as decisions
phases-title = Fases y decisiones
phases-intro = Cada fase tiene un calendario previsto y las decisiones de la secretaría sobre ella. El calendario rige mientras ninguna decisión disponga otra cosa: una fase abierta, prorrogada o cerrada sigue esa decisión.
phases-none = Todavía no se ha previsto ninguna fase para este proceso.
phases-plan = Previsto
phases-fact = Decidido
phases-opened-on = abierta el { $day }
phases-not-opened = no abierta por decisión (sigue el calendario previsto)
phases-extended-to = prorrogada hasta el { $day }
phases-closed-on = cerrada el { $day }
phases-runs = Transcurre
phases-history = Historial
phase-change-opened = Abierta
phase-change-extended = Prorrogada
phase-change-closed = Cerrada
phase-change-replanned = Calendario modificado
phase-field-start_date = inicio previsto
phase-field-end_date = fin previsto
phase-field-note = nota
phase-field-opened_on = abierta el
phase-field-extended_to = prorrogada hasta el
phase-field-closed_on = cerrada el
phases-none-given = ninguno
phases-open = Abrir esta fase
phases-open-button = Abrir la fase
phases-on = El
phases-extend = Prorrogar esta fase
phases-until = Nuevo último día
phases-extend-button = Prorrogar la fase
phases-close = Cerrar esta fase
phases-last-day = Último día
phases-close-button = Cerrar la fase
phases-replan = Modificar el calendario
phases-replan-button = Guardar el calendario
phases-link = Fases y decisiones
done-phase-opened = Se abrió la fase.
done-phase-extended = Se prorrogó la fase.
done-phase-closed = Se cerró la fase.
done-phase-replanned = Se modificó el calendario de la fase.
statement-spoken-by = pronunciada por
text-looks-like = Este texto parece estar en { $detected }, no en { $declared }.
text-two-versions = Dos versiones en { $language }:
text-version-typed = escrita directamente
text-version-file = del archivo { $file }
text-version-stands = Versión que se muestra: { $version }.
text-version-open = Se sigue mostrando hasta que la secretaría elija qué versión prevalece.
text-version-chosen = Elegida por { $by } el { $date }.
text-version-read-other = Leer la otra versión ({ $version })
text-choose = ¿Qué versión del texto en { $language } prevalece?
text-choose-submit = Elegir esta versión

process-field-title = título
process-field-title_translations = título en otros idiomas
process-field-description = descripción
process-field-mandate = mandato
process-field-languages = idiomas oficiales
process-field-co_facilitators = cofacilitadores
process-field-secretariat = secretaría
process-field-meeting_kinds = tipos de reuniones
process-field-record_resolver = documento oficial
desk-process-title = Corregir el proceso
desk-process-intro = Corrija lo que contiene este proceso: su título, su mandato, sus idiomas, sus responsables y la dirección del documento oficial de sus documentos. Cada cambio se conserva en el historial del proceso y en el registro de auditoría.
desk-process-link = Corregir el proceso
desk-process-slug-stays = (la dirección no cambia)
desk-process-save = Guardar los cambios
done-process-edited = Se corrigió el proceso.
# Statements of intention after a vote (issue 17, item 6)
vote-intended-yes = tenía la intención de votar a favor
vote-intended-no = tenía la intención de votar en contra
vote-intended-abstain = tenía la intención de abstenerse
adoption-intention-title = Intención de voto declarada después de la votación
adoption-intention-lead = Una delegación declara, después de la votación, que tenía la intención de votar de otro modo: su declaración figura junto a su voto registrado, que no cambia, como tampoco cambian los totales.
adoption-intention-state = Estado Miembro
adoption-intention-vote = Voto que se tenía la intención de emitir
adoption-intention-button = Registrar la declaración de intención

# Presence at a vote (issue 17, item 6)
adoption-present-and-voting = Miembros presentes y votantes
adoption-present-and-voting-count = Presentes y votantes: { $voting }; mayoría requerida: { $needed }
adoption-present-count = presentes: { $present }, de los cuales { $abstaining } se abstuvieron (presentes pero no votantes)
adoption-present-field = Estados presentes (si el acta los enumera)
adoption-present-hint = Los códigos de los Estados Miembros presentes en la votación. Todo Estado cuyo voto a favor, en contra o abstención conste en el acta debe figurar entre ellos; los Estados que se abstienen están presentes pero no votan. Déjelo vacío si el acta no lo indica.
