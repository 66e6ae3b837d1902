# Accord — русский. Отсутствующие сообщения берутся из en.ftl.

site-name = Accord
site-tagline = Межправительственные процессы: от консультаций до принятия
nav-processes = Процессы
nav-actors = Участники
nav-language = Язык
nav-main = Основная навигация
skip-to-content = Перейти к содержанию
breadcrumb = Вы здесь
breadcrumb-home = Главная
footer-about = Accord — открытая платформа для проведения межправительственных процессов: консультаций, подведения итогов, переговоров и принятия.
footer-api = JSON API
pagination-next = Следующая страница

home-title = Межправительственные процессы
home-intro = Следите за каждым процессом от мандата до принятого текста: этапы, заседания и документы, а также государства и организации, которые в нём участвуют.
home-none = Процессов пока нет.
home-open-process = Открыть процесс

process-current-phase = Текущий этап
process-no-current-phase = Сегодня процесс не находится ни на одном этапе
process-mandate = Мандат
process-co-facilitators = Сокоординаторы
process-secretariat = Секретариат
process-languages = Официальные языки
process-timeline = Хронология
process-timeline-description = Этапы и заседания процесса на оси времени. Все заседания также перечислены ниже.
process-timeline-continues = Процесс продолжается последующей деятельностью и обзором; эти заседания перечислены вместе с остальными.
process-phases = Этапы
process-meetings = Заседания
process-documents = Документы
process-themes = Темы
process-view-all-meetings = Все заседания
process-view-documents = Все документы
process-key-facts = Основные сведения
process-overview = Обзор
phase-open-ended = продолжается
phase-dates = { $start } – { $end }
phase-since = с { $start }

phase-consultation = Консультации
phase-stocktaking = Подведение итогов
phase-negotiation = Переговоры
phase-adoption = Принятие
phase-follow_up = Последующая деятельность и обзор

meeting-kind-thematic_session = Тематическое заседание
meeting-kind-regional_consultation = Региональная консультация
meeting-kind-multi_stakeholder_hearing = Слушания с участием многих заинтересованных сторон
meeting-kind-preparatory_meeting = Подготовительное совещание
meeting-kind-negotiation_round = Раунд переговоров
meeting-kind-informal_consultation = Неофициальная консультация
meeting-kind-conference = Конференция
meeting-kind-plenary_meeting = Пленарное заседание
meeting-kind-review_forum = Форум по обзору
meeting-kinds-thematic_session = Тематические заседания
meeting-kinds-regional_consultation = Региональные консультации
meeting-kinds-multi_stakeholder_hearing = Слушания с участием многих заинтересованных сторон
meeting-kinds-preparatory_meeting = Подготовительные совещания
meeting-kinds-negotiation_round = Раунды переговоров
meeting-kinds-informal_consultation = Неофициальные консультации
meeting-kinds-conference = Конференции
meeting-kinds-plenary_meeting = Пленарные заседания
meeting-kinds-review_forum = Форумы по обзору

meetings-title = Заседания
meetings-filter-kind = Вид заседания
meetings-all-kinds = Все виды
meetings-filter-apply = Показать
meetings-count = { $count ->
    [one] { $count } заседание
    [few] { $count } заседания
   *[other] { $count } заседаний
}
meetings-none = Заседаний такого вида нет.
meeting-kind = Вид
meeting-title = Название
meeting-dates = Даты
meeting-venue = Место проведения
meeting-venue-unknown = Не подтверждено
meeting-chairs = Председатель
meeting-agenda = Повестка дня
meeting-agenda-none = Пункты повестки дня не опубликованы.
meeting-themes = Темы
meeting-documents = Документы
meeting-documents-none = Документы к этому заседанию не опубликованы.
meeting-note = Примечание
meeting-number = № { $number }
meeting-process = Процесс

documents-title = Документы
documents-intro = Опубликованные на сегодня документы процесса в порядке дат.
documents-none = Документы не опубликованы.
document-symbol = Условное обозначение
document-title = Название
document-kind = Вид
document-date = Дата
document-languages = Языки
document-meeting = Заседание
document-kind-issue_brief = Аналитическая записка
document-kind-concept_note = Концептуальная записка
document-kind-programme = Программа
document-kind-report = Доклад
document-kind-draft = Проект
document-kind-summary = Резюме
document-kind-letter = Письмо
document-kind-non_paper = Неофициальный документ
document-kind-resolution = Резолюция
document-kind-outcome_document = Итоговый документ

taxonomy-thematic-sessions = Темы тематических заседаний
taxonomy-objectives = Цели

actors-title = Участники
actors-intro = Государства-члены, государства-наблюдатели, группы государств и организации, участвующие в процессах.
actors-all = Все
actors-count = { $count ->
    [one] { $count } участник
    [few] { $count } участника
   *[other] { $count } участников
}
actor-code = Код
actor-name = Название
actor-kind = Категория
actor-region = Регион
actor-subregion = Субрегион
actor-official-name = Официальное название
actor-member-since = Член Организации Объединённых Наций с
actor-members = Члены
actor-member-of = Входит в
actor-m49 = Код M49
actor-iso2 = ISO 3166-1 alpha-2
actor-iso3 = ISO 3166-1 alpha-3
actor-kind-member_state = Государство-член
actor-kind-observer_state = Государство-наблюдатель
actor-kind-group = Группа государств
actor-kind-un_entity = Структура ООН
actor-kind-intergovernmental_organisation = Межправительственная организация
actor-kind-stakeholder_organisation = Организация заинтересованных сторон
actor-kind-individual = Частное лицо
actor-kinds-member_state = Государства-члены
actor-kinds-observer_state = Государства-наблюдатели
actor-kinds-group = Группы государств
actor-kinds-un_entity = Структуры ООН
actor-kinds-intergovernmental_organisation = Межправительственные организации
actor-kinds-stakeholder_organisation = Организации заинтересованных сторон
actor-kinds-individual = Частные лица

language-ar = арабский
language-zh = китайский
language-en = английский
language-fr = французский
language-ru = русский
language-es = испанский

error-not-found-title = Страница не найдена
error-not-found-body = По этому адресу ничего нет. Возможно, страница перемещена или ссылка неверна.
error-bad-request-title = Запрос не может быть выполнен
error-unavailable-title = Временно недоступно
error-unavailable-body = Служба не может обратиться к хранилищу данных. Повторите попытку через минуту.
error-internal-title = Произошла ошибка
error-internal-body = Ошибка записана в журнал. Повторите попытку позже.
error-back-home = На главную

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
month-short-1 = янв.
month-short-2 = февр.
month-short-3 = март
month-short-4 = апр.
month-short-5 = май
month-short-6 = июнь
month-short-7 = июль
month-short-8 = авг.
month-short-9 = сент.
month-short-10 = окт.
month-short-11 = нояб.
month-short-12 = дек.
date-full = { $day } { $month } { $year } г.
date-range-same-month = { $day }–{ $end_day } { $month } { $year } г.
date-range = { $start } – { $end }
date-month-year = { $month } { $year }

## Signing in
nav-sign-in = Войти
nav-sign-out = Выйти
nav-signed-in-as = Вы вошли как { $name }
login-title = Вход
login-email = Адрес электронной почты
login-password = Пароль
login-submit = Войти
login-help = Учётные записи создаёт секретариат. Если вы забыли пароль, попросите у секретариата ссылку для его сброса.
login-failed = Неверный адрес электронной почты или пароль.
login-throttled = Слишком много неудачных попыток. Подождите 15 минут.
reset-title = Новый пароль
reset-new-password = Новый пароль (не менее 12 символов)
reset-confirm = Повторите новый пароль
reset-submit = Сохранить пароль
reset-mismatch = Пароли не совпадают.
reset-done-title = Пароль изменён
reset-done-body = Теперь можно войти с новым паролем. Прежние сеансы завершены.

## Audit log
nav-audit = Журнал аудита
audit-title = Журнал аудита
audit-action = Действие
audit-process = Процесс
audit-when = Когда
audit-by = Кто
audit-acting-for = От имени
audit-targets = Записи
error-unauthenticated-title = Войдите в систему
error-forbidden-title = Доступ запрещён

## Speakers' lists
speakers-title = Список ораторов
speakers-none = Слова пока никто не просил.
speakers-speaker = Оратор
speakers-category = Категория
speakers-item = Пункт повестки дня
speakers-time = Время
speakers-status = Статус
speaker-category-group = Группа государств
speaker-category-ministerial = Государство (на уровне министра)
speaker-category-state = Государство
speaker-category-observer_state = Государство-наблюдатель
speaker-category-un_entity = Структура ООН или МПО
speaker-category-stakeholder = Заинтересованная сторона
speaker-category-right_of_reply = Право на ответ
speaker-status-waiting = Ожидает
speaker-status-speaking = Выступает
speaker-status-spoken = Выступил

## Participants
participants-title = Участники
participants-none = Пока никто не зарегистрировался.

## The secretariat's forms
manage-title = Управление процессом

## At a meeting
speakers-for = От имени
speakers-ministerial = На уровне министра
speakers-ask = Попросить слова
speakers-call = Предоставить слово
speakers-done = Отметить выступление
participants-register = Зарегистрироваться на заседание

## Accreditation
accreditation-title = Аккредитация заинтересованных сторон
accreditation-intro = Организации подают заявки на участие. Государства-члены могут выдвинуть возражения в срок, предусмотренный процедурой отсутствия возражений. Затем секретариат принимает решение по заявкам, против которых никто не возразил; заявка, против которой выдвинуто возражение, передается органу, указанному в правилах процесса, и секретариат регистрирует его решение. Возражения и решения сохраняются.
accreditation-applications = Заявки
accreditation-none = Заявок пока нет.
accreditation-deadline = Срок подачи возражений
accreditation-objections = Возражения
accreditation-decision = Решение
accreditation-for-state = От имени
accreditation-reason = Основание
accreditation-object = Возразить
accreditation-approve = Одобрить
accreditation-reject = Отклонить
accreditation-note = Примечание
accreditation-record = Зафиксировать решение
accreditation-apply = Подать заявку на аккредитацию
accreditation-name = Название организации
accreditation-country = Страна (код ISO)
accreditation-website = Веб-сайт
accreditation-ecosoc = Имеет консультативный статус при ЭКОСОС
accreditation-description = Чем занимается организация
accreditation-submit = Отправить заявку
accreditation-received = Заявка № { $id } получена. Государства-члены могут выдвинуть возражения в срок, предусмотренный процедурой отсутствия возражений; затем решение примет секретариат.
accreditation-status-pending = На рассмотрении
accreditation-status-approved = Одобрена
accreditation-status-rejected = Отклонена
accreditation-status-referred = Передана на решение
accreditation-rule-plenary = Решения по заявкам, против которых возразило государство-член, принимает пленарное заседание.
accreditation-rule-bureau = Решения по заявкам, против которых возразило государство-член, принимает бюро.
accreditation-deciding-body = Орган, принимающий решения по заявкам, против которых выдвинуты возражения
accreditation-body-plenary = Пленарное заседание
accreditation-body-bureau = Бюро
accreditation-set-deciding-body = Сохранить правило
accreditation-referred-to-plenary = Передана пленарному заседанию
accreditation-referred-to-bureau = Передана бюро
accreditation-decision-of-plenary = Решение пленарного заседания
accreditation-decision-of-bureau = Решение бюро
accreditation-record-decision-of-plenary = Государство-член выдвинуло возражение: решение принимает пленарное заседание. Зарегистрируйте его решение.
accreditation-record-decision-of-bureau = Государство-член выдвинуло возражение: решение принимает бюро. Зарегистрируйте его решение.
accreditation-outcome = Итог
accreditation-decided-on = Дата решения
accreditation-decided-at-meeting = Заседание
accreditation-no-meeting = Заседание не указано
accreditation-reference = Ссылка (условное обозначение решения)
stakeholder-kind-ngo = Неправительственная организация
stakeholder-kind-academia = Научные круги
stakeholder-kind-private_sector = Частный сектор
stakeholder-kind-trade_union = Профсоюз
stakeholder-kind-migrants_or_diaspora_organisation = Организация мигрантов или диаспоры
stakeholder-kind-local_authority = Местный орган власти
stakeholder-kind-national_human_rights_institution = Национальное правозащитное учреждение

## Documents
document-no-symbol = —

## Audit log
audit-intro = Все изменения, внесённые в Accord: кто их внёс, от имени какого участника, что и когда было изменено и каких записей это коснулось. Каждая запись содержит хеш предыдущей.
error-unauthenticated-body = Эта страница доступна только пользователям, вошедшим в систему.
error-forbidden-body = Ваши роли не позволяют выполнить это действие.

## The secretariat's forms
manage-intro = Добавляйте заседания, документы и этапы. Каждое изменение фиксируется в журнале аудита.
manage-meeting = Новое заседание
manage-document = Новый документ
manage-phase = Новый этап
manage-actor = Новый участник или группа
manage-slug = Краткое имя (для ссылок)
manage-number = Номер
manage-start = Дата начала
manage-end = Дата окончания
manage-venue-name = Здание или зал
manage-city = Город
manage-country = Страна (код ISO)
manage-agenda = Пункты повестки дня, по одному в строке
manage-distribution = Распространение
manage-public = Открытое
manage-restricted = Ограниченное
manage-embargo = Под эмбарго до (UTC)
manage-phase-kind = Этап
manage-members = Члены (коды государств, для группы)
manage-add-meeting = Добавить заседание
manage-add-document = Добавить документ
manage-add-phase = Добавить этап
manage-add-actor = Добавить участника

## Your account, API tokens, and the secretariat's account desk
nav-accounts = Учётные записи
role-secretariat = Секретариат
role-co_facilitator = Сокоординатор
role-delegate = Делегат
role-un_entity_representative = Представитель структуры ООН или МПО
role-stakeholder_representative = Представитель заинтересованной стороны
account-title = Ваша учётная запись
account-roles = Ваши роли
account-no-roles = У вас пока нет роли ни в одном процессе: вы можете читать опубликованные материалы, как и любой посетитель сайта.
account-tokens = Токены API
account-tokens-intro = Токен позволяет скрипту действовать от вашего имени через JSON API: передавайте его в виде «Authorization: Bearer …». Называйте каждый токен по скрипту, который его использует, и отзывайте его, когда скрипту он больше не нужен.
account-token-created = Ваш новый токен «{ $name }»:
account-token-once = Скопируйте его сейчас: он показывается только один раз, а Accord хранит лишь его отпечаток.
account-token-name = Название
account-token-name-example = например, ночная выгрузка заявлений
account-token-created-at = Дата создания
account-token-expires = Действует до
account-token-state = Состояние
account-token-active = Активен
account-token-revoked = Отозван
account-token-expired = Срок истёк
account-token-revoke = Отозвать
account-token-new = Новый токен
account-token-days = Срок действия в днях (от 1 до 366)
account-token-create = Создать токен
accounts-title = Учётные записи
accounts-intro = Создавайте учётные записи для лиц, участвующих в процессе, и выдавайте ссылки для сброса пароля. Accord не отправляет электронную почту: передавайте каждую ссылку сами по надёжному каналу.
accounts-new = Новая учётная запись
accounts-email = Адрес электронной почты
accounts-name = Имя
accounts-role = Роль
accounts-no-role = Пока без роли
accounts-process = Процесс
accounts-all-processes = Все процессы
accounts-actor = От имени (код государства, группы или организации)
accounts-new-hint = Новый пользователь сам выбирает пароль по ссылке, которая появляется после создания учётной записи; больше его никто не узнаёт.
accounts-create = Создать учётную запись
accounts-reset = Ссылка для сброса пароля
accounts-issue-link = Выдать ссылку
accounts-link-for = Ссылка для выбора пароля для { $email }:
accounts-link-once = Ссылка действует один раз в течение { $hours } ч. Скопируйте её сейчас: повторно она не показывается.
speakers-time-limits = Регламент выступлений
speakers-time-limits-hint = Минуты или минуты:секунды (от 15 секунд до 60 минут). Оставьте поле пустым, чтобы применялся обычный регламент.
speakers-time-limit-save-one = Установить
speakers-time-limit-set = установлен для этого заседания
manage-theme = Новая тема
manage-theme-code = Код (для ссылок)
manage-theme-taxonomy = Таксономия (например, topics, objectives)
manage-add-theme = Добавить тему
manage-process = Новый процесс
manage-process-intro = Межправительственный процесс — от мандата до итогового результата. Этапы, заседания, документы и темы добавляются на странице управления процессом после его создания.
manage-process-title = Название
manage-process-description = Описание
manage-process-mandate = Мандат (условные обозначения резолюций через запятую)
manage-process-languages = Официальные языки
manage-process-meeting-kinds = Виды проводимых заседаний
manage-process-co-facilitators = Сокоординаторы, по одному в строке: Имя | Должность | код государства
manage-process-secretariat = Секретариат, по одному человеку в строке: Имя | Должность
manage-process-create = Создать процесс
home-new-process = Новый процесс

## The consultation phase
synthetic = Синтетические тестовые данные
statement-title = Заявление
statements-title = Заявления
statements-none = Заявления к этому заседанию не опубликованы.
statement-on-behalf-of = от имени
statement-languages = Языки этого заявления
statement-no-text = Текст этого заявления ещё не опубликован.
statement-add = Добавить заявление
statement-speaker = Оратор (код государства, структуры ООН или организации)
statement-for-group = От имени группы (код, необязательно)
statement-delivered-on = Дата выступления
statement-text = Текст (абзацы разделяются пустой строкой)
statement-add-submit = Добавить заявление
text-detected = язык определён автоматически
distribution-public = Открытый доступ
distribution-restricted = Только для государств-членов
distribution-secretariat = Только для секретариата
recommendations-title = Рекомендации
recommendations-intro = Конкретные, практически осуществимые предложения, выявленные секретариатом в заявлениях и письменных вкладах, — каждое со ссылкой на то место, где оно было высказано.
recommendations-none = Рекомендации пока не отмечены.
recommendation-mark = Отметить рекомендацию
recommendation-passage = Фрагмент в том виде, в каком он приводится в тексте
recommendation-mark-submit = Отметить рекомендацию
recommendation-source-statement = В заявлении № { $id }
recommendation-source-input = В материале № { $id }
consultation-title = Призыв к представлению материалов
consultations-title = Призывы к представлению материалов
consultation-open = Открыт
consultation-closed = Закрыт
input-send = Направить материал
input-send-intro = Направить материалы в рамках этой консультации может любой желающий. Присланный материал публикуется с указанием вашей организации и страны, если вы их укажете; ваше имя отображается, только если вы его укажете.
input-author = Ваше имя (необязательно)
input-organisation = Организация (необязательно)
input-country = Страна (код ISO, необязательно)
input-language = Язык
input-language-detect = Определить по тексту
input-text = Ваш материал
input-submit = Отправить материал
inputs-title = Поступившие материалы
inputs-none = Материалы пока не опубликованы.
input-title = Материал № { $id }
input-kind = Письменный вклад
input-no-organisation = Представитель общественности
statement-upload = Загрузить файл
statement-file = По одному файлу на каждый язык: PDF, DOCX, ODT, HTML, Markdown или текст, до { $mb } МБ
statement-upload-submit = Загрузить
text-pending = Файл обрабатывается; его текст появится здесь, когда будет готов. Обновите страницу, чтобы увидеть его.
text-failed = Из этого файла не удалось ничего прочитать; его по-прежнему можно скачать.
process-feed = Лента публикаций (Atom)
process-calendar = Календарь заседаний (iCalendar)

## Search
nav-search = Поиск
search-title = Поиск
search-placeholder = Слова или "фраза в кавычках"
search-submit = Найти
search-results = { $total ->
    [one] { $total } результат
    [few] { $total } результата
    [many] { $total } результатов
   *[other] { $total } результатов
}
search-none = Ничего не найдено. Попробуйте сократить число слов или снять фильтр.
search-facets = Уточнить результаты
search-kind-statement = Заявление
search-kind-document = Документ
search-kind-input = Материал
search-kind-recommendation = Рекомендация
search-facet-process = Процесс
search-facet-meeting = Заседание
search-facet-meeting_kind = Вид заседания
search-facet-actor = Участник
search-facet-actor_kind = Категория участника
search-facet-theme = Тема
search-facet-language = Язык
search-facet-year = Год
search-facet-document_kind = Вид документа
search-facet-kind = Вид
pagination-previous = Предыдущая страница
actor-kind-public = Общественность
document-upload = Загрузить файл документа
document-download = Скачать файл ({ $language } язык)

## Negotiation: drafts, versions, amendments, compilation, redline, lineage, silence
process-view-drafts = Проекты и переговоры
drafts-title = Проекты
drafts-lead = Тексты, по которым ведутся переговоры: их версии, предложенные к ним поправки и продвижение пунктов к согласованию.
drafts-none = Проектов пока нет.
drafts-new = Новый проект
drafts-new-submit = Создать проект
drafts-kind = Вид проекта
drafts-symbol = Условное обозначение документа (если есть)
draft-kind-negotiating_text = Текст для переговоров
draft-kind-resolution = Проект резолюции
negotiation-simulated = Показанные здесь поправки смоделированы для демонстрации. Они не отражают позицию какого-либо государства или группы.
negotiation-simulated-badge = Моделирование
draft-versions = Версии
draft-version = Версия
draft-issued = Дата выпуска
draft-paragraphs = Пункты
draft-open-proposals = С предложениями на рассмотрении
draft-progress = Ход согласования
draft-progress-label = Пунктов согласовано ad referendum: { $agreed } из { $paragraphs }; в квадратных скобках: { $bracketed }
draft-read = Открыть
draft-compilation = Компиляционный текст
draft-redline = Изменения по сравнению с предыдущей версией
draft-no-versions = Ни одна версия ещё не выпущена.
draft-import = Импортировать версию
draft-import-help = Файл DOCX, оформленный как проекты ООН (нумерованные пункты «1.», подпункты «(a)», заголовки «Objective 1:»), или текст Markdown в формате Accord. Сначала воспользуйтесь предварительным просмотром: ничего не сохраняется, пока вы не выпустите версию.
draft-import-file = Файл DOCX или Markdown
draft-import-markdown = Или вставьте текст Markdown
draft-import-preview = Предварительный просмотр
draft-import-issue = Выпустить как следующую версию
draft-label = Обозначение
draft-preview-title = Что удалось распознать
draft-preview-counts = Разделов: { $sections }, целей: { $objectives }, пунктов: { $paragraphs }, подпунктов: { $subparagraphs }.
draft-preview-line = Строка { $line }
draft-revision = Выпустить пересмотренный вариант
draft-take-up = Поправки, принимаемые в представленном виде
draft-revision-submit = Выпустить пересмотренный вариант
version-superseded = Существует более поздняя версия
version-counts = Пунктов: { $paragraphs }; согласовано ad referendum: { $agreed }, в квадратных скобках: { $bracketed }, с предложениями на рассмотрении: { $open }.
version-views = Другие представления этой версии
version-lineage = Откуда взяты формулировки
version-open-proposals = { $count ->
    [one] { $count } предложение на рассмотрении
    [few] { $count } предложения на рассмотрении
    [many] { $count } предложений на рассмотрении
   *[other] { $count } предложения на рассмотрении
}
kind-section = раздел
kind-paragraph = Пункт
kind-subparagraph = Подпункт
status-under_negotiation = Обсуждается
status-agreed_ad_ref = Согласовано ad referendum
status-bracketed = В квадратных скобках
status-deleted = Исключено
status-set = Задать статус пункта
status-label = Статус
status-options = Альтернативные варианты (по одному в строке, для пункта в квадратных скобках)
status-submit = Задать статус
op-insert = Вставить слова
op-delete = Исключить слова
op-replace = Заменить слова
op-add = Добавить пункт
op-delete_node = Исключить пункт
op-move = Перенести пункт
amend-title = Предложить поправку
amend-proposer = От имени
amend-node = Пункт
amend-op = Поправка
amend-kind = Вид нового пункта
amend-co-sponsors = Соавторы
amend-co-sponsors-pending = Названы соавторами, ожидается их собственное подтверждение:
amend-justification = Обоснование
amend-submit = Внести поправку
amend-proposers = Предложили
amend-supporters = Поддержали
amend-objectors = Возразили
amend-actor = Государство или группа
amend-stance = Позиция
amend-when = Когда
amendment-title = Поправка A{ $number }
amendment-effect = Суть поправки
amendment-after = Новый пункт после { $node }:
amendment-move-after = Переносит пункт, помещая его после { $node }.
amendment-positions = Поддержка и возражения
amendment-no-positions = Ни одно государство ещё не высказало свою позицию.
amendment-position-submit = Зафиксировать позицию
amendment-withdraw = Отозвать поправку
amendment-co-sponsor-confirm = Подтвердить соавторство от имени { $actor }
amendment-co-sponsor-decline = Отказаться от имени { $actor }
amendment-co-sponsor-leave = Отозвать соавторство { $actor }
amendment-outcome = Итог
amendment-note = Примечание
amendment-decide = Зафиксировать решение
amendment-status-tabled = Внесена
amendment-status-withdrawn = Отозвана
amendment-status-accepted = Принята
amendment-status-accepted_as_modified = Принята с изменениями
amendment-status-rejected = Отклонена
amendment-status-superseded = Заменена
stance-support = Поддерживает
stance-object = Возражает
compilation-title = Компиляционный текст
compilation-amendments = Поправки
compilation-actor = Государство или группа
compilation-status = Статус
compilation-filter = Показать
compilation-shown = Показано предложений: { $shown }; скрыто фильтром: { $hidden }.
compilation-delete-node = Предлагается исключить
compilation-move-node = Предлагается перенести в другое место
compilation-moved-here = Предлагается перенести сюда пункт { $node }
redline-title = Изменения
redline-summary = Добавлено: { $added }, исключено: { $deleted }, изменено: { $changed }, перенесено: { $moved }; слов добавлено: { $words_added }, слов исключено: { $words_deleted }.
redline-from = Исходная версия
redline-to = Новая версия
redline-compare = Сравнить
redline-changes-only = Только изменения
redline-moved = Перенесено (ранее { $from })
lineage-title = Происхождение текста
lineage-lead = Каждое слово — с версией, в которой оно появилось, и его источником: поправкой или сокоординаторами.
lineage-origins = Источники
lineage-words = Слова
lineage-source = Источник
lineage-cofac = Сокоординаторы
lineage-first = Первая версия
silence-title = Процедуры молчания
silence-none = Ни один текст пока не выносился на процедуру молчания.
silence-deadline = Срок
silence-time-zone = Часовой пояс
silence-running = Процедура молчания продолжается.
silence-adopted = Принято в порядке процедуры молчания.
silence-broken = Молчание нарушено.
silence-broken-by = со стороны
silence-letters = Письма о нарушении молчания
silence-letter = Письмо { $state } о нарушении молчания
silence-break-submit = Нарушить молчание
silence-open = Вынести версию на процедуру молчания
silence-open-submit = Начать процедуру молчания

## Stocktaking: recommendation candidates
recommendation-candidates = Предлагаемые рекомендации
recommendation-candidates-help = Предложения, похожие на рекомендации (на английском, французском и испанском языках). Подтвердите те, что ими являются; остальные останутся неотмеченными.
recommendation-confirm = Подтвердить как рекомендацию
recommendation-dismiss = Не является рекомендацией

## Stocktaking
stocktaking-title = Подведение итогов
stocktaking-lead = Анализ всего, что было сказано и написано в ходе консультаций: затронутые темы, группы схожих элементов внутри каждой темы, кампании и кто что сказал.
stocktaking-none = Анализ ещё не проводился.
stocktaking-analyse = Проанализировать материалы и заявления
stocktaking-analyse-help = Выявляет кампании, присваивает каждому материалу и заявлению тему с указанием степени уверенности и группирует схожие элементы внутри каждой темы. Анализ выполняется в фоновом режиме и по завершении заменяет предыдущий; присвоенные вами темы сохраняются и используются для обучения модели.
stocktaking-threshold = Порог почти полного совпадения (0.3–0.99)
stocktaking-analyse-submit = Запустить анализ
stocktaking-run = Проанализировано материалов: { $inputs }, заявлений: { $statements }; кампаний: { $campaigns }
stocktaking-themes = Темы
stocktaking-unassigned = Элементов, не относящихся ни к одной теме: { $count }.
stocktaking-theme-counts = Материалов: { $inputs }, заявлений: { $statements }
stocktaking-clusters = Группы схожих материалов
stocktaking-key-phrases = Ключевые фразы
stocktaking-inputs = Материалы
stocktaking-representative = Характерные материалы
stocktaking-campaign-share = Материалов в составе кампаний: { $inputs } ({ $percent }%).
stocktaking-analysis = Анализ
stocktaking-theme = Тема
stocktaking-labelled = тема присвоена секретариатом
stocktaking-confidence = степень уверенности: { $percent }%
stocktaking-no-theme = Без темы
stocktaking-campaign = Кампания
stocktaking-correct = Исправить тему
stocktaking-correct-submit = Задать тему
jobs-title = Задания
job-kind-analysis = Анализ
job-kind-import_inputs = Импорт материалов
job-status-running = Выполняется
job-status-succeeded = Выполнено
job-status-failed = Сбой
campaigns-title = Кампании
campaigns-lead = Материалы, представляющие собой одно и то же письмо, направленное много раз дословно или с небольшими правками. Каждый исходный материал сохраняется и доступен для прочтения.
campaigns-all = Все кампании
campaign-title = Кампания № { $number }
campaign-size = { $count ->
    [one] { $count } материал
    [few] { $count } материала
    [many] { $count } материалов
   *[other] { $count } материала
}
campaign-variants = Варианты
campaign-seen = Первое и последнее поступление
campaign-text = Текст
campaign-inputs = Материалы кампании
who-title = Кто что сказал
who-by-kind = По категориям
who-by-region = Государства по регионам (заявления государств и поступившие из них материалы)
who-total = Всего
who-inputs = Письменные материалы
who-unknown = Не указано
who-help = Столбцы — это темы в указанном выше порядке, а затем элементы без темы.
report-title = Доклад о подведении итогов
report-docx = Версия Word (DOCX)
report-print = Распечатайте эту страницу или сохраните её в формате PDF через диалоговое окно печати.
report-received = Поступившие материалы
report-by-language = Материалы в разбивке по языкам
report-by-region = Материалы в разбивке по регионам
report-over-time = Материалы по неделям
report-statements-by-kind = Заявления в разбивке по категориям участников
report-figures = Данные в виде таблиц
report-method = Кампании: материалы, последовательности слов (шинглы) которых совпадают не менее чем на { $threshold }%, считаются одной кампанией. Темы: присваиваются моделью, обученной на названиях тем, рекомендациях с присвоенными темами и отметках секретариата (всего отметок: { $labels }).
coverage-title = Учёт рекомендаций
coverage-lead = Для каждой рекомендации — пункты проекта, в которых она учтена: связанные с ней сокоординаторами или предложенные по сходству.
coverage-answered = Учтено рекомендаций: { $answered } из { $total }
coverage-no-draft = Проекта пока нет.
coverage-unanswered = Повторяющиеся рекомендации, пока не учтённые ни в одном пункте
coverage-none-unanswered = Все повторяющиеся рекомендации учтены.
coverage-times = { $count ->
    [one] высказана { $count } раз
    [few] высказана { $count } раза
    [many] высказана { $count } раз
   *[other] высказана { $count } раза
}
coverage-source = источник
coverage-linked = Пункты, в которых она учтена
coverage-none = пока нет
coverage-suggested = Предлагаемые пункты
coverage-link = Связать
coverage-unlink = Удалить связь с пунктом
stocktaking-synthetic = Проанализированных элементов, являющихся синтетическими тестовыми данными: { $count }. Они созданы для проверки системы; ни один из них не написан человеком.
stocktaking-public-only = Анализ охватывает то, что доступно всем: материалы ограниченного распространения или находившиеся под эмбарго во время анализа не учитываются.

## Adoption and follow-up
adoptions-title = Принятие
adoptions-lead = Как был принят текст: консенсусом или заносимым в отчёт о заседании голосованием, на каком заседании и какое решение о принятии одобрило другое.
adoptions-none = В рамках этого процесса пока ничего не принято.
adoption-adopted = Принят
adoption-not-adopted = Не принят
adoption-method = Способ принятия
adoption-method-consensus = Консенсусом
adoption-method-recorded_vote = Заносимым в отчёт о заседании голосованием
adoption-totals = За: { $yes }, против: { $no }, воздержались: { $abstain }, не участвовали в голосовании: { $not_voting }
adoption-version = Принятый текст
adoption-endorses = Одобряет
adoption-endorsed-by = Одобрено решением
adoption-endorsed-text = одобренный текст
adoption-resolution = Резолюция
adoption-resolution-lead = Принята на основе проекта резолюции
adoption-resolution-preambular = Пункты преамбулы
adoption-resolution-operative = Пункты постановляющей части
adoption-resolution-not-recorded = Формулировка резолюции здесь не записана.
adoption-outcome = Итог
adoption-majority = Требуемое большинство
adoption-majority-simple = Простое большинство присутствующих и участвующих в голосовании членов
adoption-majority-two_thirds = Большинство в две трети присутствующих и участвующих в голосовании членов
adoption-needed = Необходимо голосов «за»: { $needed }
adoption-totals-title = Итоги голосования
adoption-vote = Голосование
adoption-total = Всего
adoption-named = Указано поимённо в отчёте
adoption-not-recorded-note = Государств-членов, голос которых не зафиксирован: { $count }. Источники не называют их ни в одной графе, поэтому вместо догадок указано «не зафиксировано».
adoption-export-csv = Результаты голосования (CSV)
adoption-export-akn = Akoma Ntoso (XML)
adoption-export-svg = Карта (SVG)
adoption-map = Голосование на карте
adoption-map-alternative = Приведённая ниже таблица государств-членов содержит ту же информацию, что и карта.
adoption-not-drawn = Не показаны в этом масштабе
adoption-statements = Заявления в связи с принятием
adoption-statement-explanation_before = Разъяснение мотивов голосования до голосования
adoption-statement-explanation_after = Разъяснение мотивов голосования после голосования
adoption-statement-position = Заявление с изложением позиции
adoption-statement-reservation = Оговорка
adoption-statement-dissociation = Отмежевание
adoption-states = Государства-члены
adoption-sort = Сортировка
adoption-sort-name = Название
adoption-sort-vote = Голосование
adoption-sort-region = Регион
adoption-subregion = Субрегион
adoption-table-caption = Голосование каждого государства-члена; «не зафиксировано», если в источниках это не указано.
vote-yes = За
vote-no = Против
vote-abstain = Воздержались
vote-not-voting = Не участвовали в голосовании
vote-not-recorded = Не зафиксировано
vote-map-title = Карта мира с результатами голосования: { $title }
vote-map-description = Каждое государство-член закрашено в соответствии с его голосом — узором и цветом; та же информация приводится в таблице государств-членов.
pledges-title = Обязательства
pledges-lead = Обязательства, взятые государствами и другими участниками в интересах достижения целей принятого текста, и ход их выполнения, о котором сообщают сами участники.
pledges-objectives = Цели принятого текста
pledges-nothing-adopted = Обязательства берутся в отношении принятого текста; пока ничего не принято.
pledges-all = Все обязательства
pledges-none = Обязательств пока нет.
pledge-objectives = Цели
pledge-status-announced = Объявлено
pledge-status-in_progress = Выполняется
pledge-status-fulfilled = Выполнено
pledge-status-withdrawn = Отозвано
pledge-reports = { $count ->
    [one] { $count } доклад о ходе выполнения
    [few] { $count } доклада о ходе выполнения
    [many] { $count } докладов о ходе выполнения
   *[other] { $count } доклада о ходе выполнения
}
objective-title = Цель { $number }
objective-pledges = { $count ->
    [one] { $count } обязательство по этой цели, в разбивке по регионам
    [few] { $count } обязательства по этой цели, в разбивке по регионам
    [many] { $count } обязательств по этой цели, в разбивке по регионам
   *[other] { $count } обязательства по этой цели, в разбивке по регионам
}
objective-other-actors = Другие участники (не государства)

## A version in the six languages
languages-title = Языки
languages-lead = Этот вариант на шести официальных языках с сопоставлением по пунктам. Пока пункт не переведён, в экспортируемых файлах сохраняется исходная формулировка на английском языке.
languages-progress = Ход перевода
languages-language = Язык
languages-translated = Переведено
languages-updated = Последнее обновление
languages-exports = Экспорт
languages-original = оригинал
languages-count = Элементов: { $translated } из { $total }
languages-side-by-side = Параллельный просмотр
languages-left = Слева
languages-right = Справа
languages-show = Показать
languages-status-missing = Ещё не переведено
languages-upload = Представить перевод
languages-upload-help = Файл DOCX или Markdown, оформленный так же, как оригинал: каждый заголовок и каждый пункт сопоставляются по идентификатору ({"{"}#id{"}"}, как при экспорте в Markdown), а при его отсутствии — по номеру. Файл заменяет прежний текст на этом языке.
languages-upload-button = Сохранить перевод

## Taking a vote
adoption-voting = Идёт голосование
adoption-voting-lead = Проводится голосование. Проголосовало государств-членов: { $cast } из { $members }. Карта и таблица ниже обновляются по мере подачи голосов.
adoption-vote-for = Голосует { $state }
adoption-close-vote = Закрыть голосование
adoption-close-help = Государства-члены, которые не проголосовали, учитываются как не участвовавшие в голосовании; производится подсчёт голосов и определяется итог.
adoption-link-statement = Заявление, сделанное на заседании
adoption-link-kind = Связать как
adoption-link-button = Связать заявление
adoption-record = Зарегистрировать принятие
adoption-version-number = Номер версии
adoption-vote-open = Голосование проводится в Accord: каждая делегация голосует сама (оставьте итоги пустыми)
adoption-record-button = Зарегистрировать принятие
vote-not-yet = Ещё не проголосовали

## Making pledges
pledge-make = Взять обязательство
pledge-actor = Кем взято обязательство
pledge-made-on = Дата
pledge-status = Статус
pledge-meeting = Объявлено на заседании
pledge-title = Название
pledge-description = Суть обязательства
pledge-make-button = Зафиксировать обязательство
pledge-report = Сообщить о ходе выполнения
pledge-reported-on = Дата доклада
pledge-report-text = Ход выполнения
pledge-report-button = Зафиксировать доклад

# The process bar (every page of a process)
process-bar = Разделы: { $title }
process-bar-current-phase = текущий этап
process-bar-follow-up = Последующая деятельность

# The amendment page of a paragraph
amend-this = Предложить поправку
amend-page-title = Поправка к { $num }
amend-current = Текст в нынешней редакции
amend-what = Что вы хотите изменить?
amend-op-revise = Изменить формулировку
amend-op-add = Добавить пункт после этого
amend-op-move = Переместить этот пункт
amend-op-delete_node = Исключить этот пункт
amend-revised = Пункт в предлагаемой вами редакции
amend-revised-help = Отредактируйте текст в поле. Исключённое будет показано зачёркнутым, добавленное — подчёркнутым; изменение вносится как одна правка в режиме отслеживания.
amend-new-text = Текст нового пункта
amend-move-after = Поместить после
amend-delete-note = Пункт будет исключён целиком, вместе с подпунктами.
amend-co-sponsors-help = Каждое названное государство станет соавтором после подтверждения его собственной делегацией. Введите код (MEX) или выберите из списка.
amend-preview = Предварительный просмотр правки
amend-preview-title = Предварительный просмотр: пункт с поправкой
amend-preview-added = Новый пункт
amend-preview-moved = Пункт перемещается после { $num }.
amend-preview-help = Ничего ещё не внесено. При необходимости исправьте форму ниже и внесите поправку.
amend-not-latest = Эта версия заменена: поправки вносятся к последней версии.
amend-go-latest = К проекту
amend-not-negotiating = Поправки вносятся в ходе переговоров; процесс сейчас не находится на этапе переговоров.
amend-not-allowed = Поправки вносит делегация государства или назначенный оратор группы.

# One-click actions on a proposal in the compilation
compilation-act = Действия
act-support = Поддержать
act-object = Возразить
act-withdraw = Отозвать
act-accept = Принять
act-reject = Отклонить
## Кто что сказал (страница участника), собственные страницы документов
actor-record-title = Что он сказал и сделал
actor-record-none = Нет записей, доступных вам для просмотра.
actor-record-statements = Заявления
actor-record-amendments = Поправки
actor-record-positions = Позиции по поправкам
actor-record-ballots = Зарегистрированные голоса
actor-record-explanations = Объяснения мотивов голосования и заявления по принятию
actor-record-pledges = Обязательства
actor-record-amendment = Поправка { $number } к тексту «{ $version }»
actor-role-proposer = Автор
actor-role-co_sponsor = Соавтор
actor-role-named_co_sponsor = Назван соавтором, ещё не подтвердил
actor-former-members = Бывшие члены
actor-membership-since = с { $date }
actor-membership-until = до { $date }
actor-membership-from-to = с { $from } по { $to }
search-kind-actor = Участник
search-kind-meeting = Заседание
document-page-files = Файлы
document-page-no-files = Файлы этого документа не загружены.
document-file-type = Тип
document-file-size = Размер
document-file-download = Скачать
document-text-show = Показать текст
document-distribution = Распространение
document-embargo = Под эмбарго до
document-official-record = Официальный документ
document-official-record-link = Открыть { $symbol } в системе официальных документов
manage-process-record-resolver = Официальный документ по условному обозначению: адрес https://, в котором {"{"}symbol{"}"} заменяет условное обозначение документа (пусто: служба ООН)
# The secretariat's desk: meetings changed, confirmations
meeting-cancelled = Отменено
meeting-history = История изменений
meeting-history-edited = Изменено
meeting-history-postponed = Перенесено с { $before } на { $after }
meeting-history-rescheduled = Перенесено на более ранний срок: с { $before } на { $after }
meeting-history-cancelled = Отменено
meeting-history-reason = причина:
meeting-history-by = { $name }, { $date }
meeting-field-title = название
meeting-field-start_date = дата начала
meeting-field-end_date = дата окончания
meeting-field-venue = место проведения
meeting-field-agenda = повестка дня
meeting-field-note = примечание
meeting-field-status = статус
desk-meeting-title = Изменить заседание
desk-meeting-intro = Измените, перенесите или отмените это заседание. Каждое изменение сохраняется в истории заседания и в журнале аудита.
desk-meeting-link = Изменить, перенести или отменить
desk-meeting-cancelled-no-change = Это заседание отменено: изменить или перенести его можно только после восстановления.
desk-meeting-edit = Изменить заседание
desk-meeting-save = Сохранить изменения
desk-reason-optional = Причина (необязательно)
desk-reason = Причина
desk-meeting-postpone = Перенести заседание
desk-meeting-postpone-intro = Укажите новые даты и причину. Более поздние даты записываются как перенос, более ранние — как изменение графика.
desk-new-start = Новая дата начала
desk-new-end = Новая дата окончания
desk-meeting-postpone-button = Перенести заседание
desk-meeting-cancel = Отменить заседание
desk-meeting-cancel-intro = Заседание остаётся в списке с пометкой «отменено» и указанием причины.
desk-meeting-cancel-button = Отменить заседание
done-meeting-edited = Заседание изменено.
done-meeting-postponed = Заседание перенесено.
done-meeting-rescheduled = График заседания изменён.
done-meeting-cancelled = Заседание отменено.
meeting-history-reinstated = Восстановлено
meeting-field-title_translations = переводы названия
desk-meeting-reinstate = Восстановить заседание
desk-meeting-reinstate-intro = Заседание всё же состоится в намеченные сроки. Укажите причину: она сохраняется в истории заседания.
desk-meeting-reinstate-button = Восстановить заседание
done-meeting-reinstated = Заседание восстановлено.
record-history-edited = Изменено
record-history-withdrawn = Отозвано
document-field-symbol = условное обозначение
document-field-title = название
document-field-kind = вид
document-field-date = дата
document-field-languages = языки
document-field-distribution = распространение
document-field-embargo_until = эмбарго
document-field-meeting = заседание
document-field-status = статус
document-withdrawn = Отозван
desk-document-title = Изменить документ
desk-document-intro = Измените сведения об этом документе или отзовите его. Каждое изменение сохраняется в истории документа и в журнале аудита.
desk-document-link = Изменить или отозвать
desk-document-edit = Изменить сведения
desk-document-save = Сохранить изменения
desk-document-withdraw = Отозвать документ
desk-document-withdraw-intro = Отозванный документ остаётся доступным по своему адресу с пометкой об отзыве и причиной, но больше не показывается в списках.
desk-document-withdraw-button = Отозвать документ
done-document-edited = Документ изменён.
done-document-withdrawn = Документ отозван.
theme-withdrawn = отозвана
theme-field-title = название
theme-field-number = номер
theme-field-status = статус
desk-theme-title = Изменить тему
desk-theme-intro = Измените название и номер этой темы или отзовите её. Её код и таксономия не меняются. Каждое изменение сохраняется в истории темы и в журнале аудита.
desk-theme-link = Изменить или отозвать
desk-theme-edit = Изменить тему
desk-theme-save = Сохранить изменения
desk-theme-withdraw = Отозвать тему
desk-theme-withdraw-intro = Под отозванной темой нельзя регистрировать ничего нового, и она больше не предлагается для выбора. То, что было зарегистрировано под ней, сохраняет её с пометкой «отозвана».
desk-theme-withdraw-button = Отозвать тему
done-theme-edited = Тема изменена.
done-theme-withdrawn = Тема отозвана.
done-consultation-opened = Прием материалов открыт.
done-consultation-closed = Прием материалов закрыт.
done-consultation-extended = Срок приема материалов продлён.
done-adoption-recorded = Принятие зарегистрировано.

# The secretariat's desk: calls for inputs
calls-title = Приём материалов
calls-intro = Приём письменных материалов в рамках этого процесса: открытый сейчас, предстоящий и завершённый.
calls-open = Открыт
calls-upcoming = Предстоит
calls-closed = Закрыт
calls-opens = Открывается { $at } UTC
calls-closes = закрывается { $at } UTC
calls-closed-at = закрыт { $at } UTC
calls-no-end = дата закрытия не установлена
calls-closed-reason = Закрыт досрочно, причина:
calls-close-now = Закрыть сейчас
calls-new-closing = Новая дата закрытия (UTC)
calls-extend = Продлить
calls-none = Нет.
calls-open-new = Открыть приём материалов
calls-times-utc = Даты и время указаны в UTC.
calls-description = Описание
calls-opens-label = Открытие (UTC)
calls-closes-label = Закрытие (UTC, необязательно)
calls-open-button = Открыть приём

# The secretariat's desk: an adoption's ballots from the form
adoption-ballots-title = Зарегистрированные голоса государств (необязательно)
adoption-ballots-hint = Вставьте или введите коды государств для каждого варианта голосования через пробел, запятую или с новой строки (например, CZE HUN ISR POL USA). Государство, которое не указано, отмечается как «не зарегистрировано»; его голос никогда не домысливается.

# The secretariat's desk: what needs attention
attention-title = Что требует внимания
attention-applications-in-objection-period = заявки на аккредитацию в период для возражений
attention-applications-to-decide = заявки, ожидающие решения
attention-applications-referred = заявки, переданные компетентному органу и ожидающие его решения
attention-pending-uploads = загруженные файлы, которые ещё обрабатываются
attention-open-silences = текущие процедуры молчаливого согласия
attention-amendments-awaiting-decision = поправки, ожидающие решения
attention-running-jobs = выполняемые задания
attention-failed-jobs = задания, завершившиеся с ошибкой
# The vote map when the record counts votes it does not name (issue 16, item 7).
vote-unnamed-lead = В отчёте приводятся эти итоги, но названы не все государства. Государства, которые в нём не названы, заштрихованы серым как «не зафиксировано», как бы они ни голосовали:
vote-unnamed-yes = { $named ->
    [0] { $total } «за» — не названы поимённо в отчёте
   *[other] { $total } «за» — { $unnamed } не названы поимённо в отчёте
}
vote-unnamed-no = { $named ->
    [0] { $total } «против» — не названы поимённо в отчёте
   *[other] { $total } «против» — { $unnamed } не названы поимённо в отчёте
}
vote-unnamed-abstain = { $named ->
    [0] { $total } воздержались — не названы поимённо в отчёте
   *[other] { $total } воздержались — { $unnamed } не названы поимённо в отчёте
}
vote-unnamed-not-voting = { $named ->
    [0] { $total } не голосовали — не названы поимённо в отчёте
   *[other] { $total } не голосовали — { $unnamed } не названы поимённо в отчёте
}
vote-map-alt = Голос каждого государства-члена приводится в таблице государств-членов под картой.

# Process and meeting titles in other languages (issue 16, item 6).
title-translations = Название на других языках
title-translations-help = Необязательно: название в том виде, в каком его должны видеть читатели на каждом языке. Если поле пустое, они видят название, указанное выше.
actor-kind-simulated_delegation = Смоделированная делегация (демонстрация, не государство)
actor-kind-simulated_group = Смоделированная группа (демонстрация)
actor-kinds-simulated_delegation = Смоделированные делегации
actor-kinds-simulated_group = Смоделированные группы
statement-filed-late = Подано с опозданием
statement-filed-late-note = Внесено секретариатом после истечения срока подачи заявлений для заседания
adoption-as-it-stands = Принят в существующем виде
adoption-not-agreed-listed = Пункты, не согласованные на момент принятия: { $paragraphs }
adoption-as-it-stands-all-agreed = Все пункты были согласованы
adoption-as-it-stands-field = Заседание решило принять текст в существующем виде (несогласованные пункты фиксируются вместе с решением о принятии)
silence-adopted-agreed = По истечении срока его пункты отмечены как согласованные ad referendum.
silence-ended-at-break = Процедура завершилась в момент нарушения молчания:

# Phases as decisions
phases-title = Этапы и решения
phases-intro = У каждого этапа есть план (запланированные даты) и решения секретариата по нему. План действует, пока решение не установит иное: открытый, продлённый или закрытый этап идёт в соответствии с этим решением.
phases-none = Для этого процесса ещё не запланировано ни одного этапа.
phases-plan = По плану
phases-fact = По решению
phases-opened-on = открыт { $day }
phases-not-opened = не открыт решением (идёт по плану)
phases-extended-to = продлён до { $day }
phases-closed-on = закрыт { $day }
phases-runs = Сроки
phases-history = История
phase-change-opened = Открыт
phase-change-extended = Продлён
phase-change-closed = Закрыт
phase-change-replanned = План изменён
phase-field-start_date = плановое начало
phase-field-end_date = плановое окончание
phase-field-note = примечание
phase-field-opened_on = открыт
phase-field-extended_to = продлён до
phase-field-closed_on = закрыт
phases-none-given = нет
phases-open = Открыть этот этап
phases-open-button = Открыть этап
phases-on = Дата
phases-extend = Продлить этот этап
phases-until = Новый последний день
phases-extend-button = Продлить этап
phases-close = Закрыть этот этап
phases-last-day = Последний день
phases-close-button = Закрыть этап
phases-replan = Изменить план
phases-replan-button = Сохранить план
phases-link = Этапы и решения
done-phase-opened = Этап открыт.
done-phase-extended = Этап продлён.
done-phase-closed = Этап закрыт.
done-phase-replanned = План этапа изменён.
statement-spoken-by = выступающий:
text-looks-like = Похоже, этот текст написан на языке «{ $detected }», а не «{ $declared }».
text-two-versions = Две версии на языке «{ $language }»:
text-version-typed = введённая вручную
text-version-file = из файла { $file }
text-version-stands = Показана версия: { $version }.
text-version-open = Она остаётся основной, пока секретариат не выберет, какая версия считается основной.
text-version-chosen = Выбор сделан: { $by }, { $date }.
text-version-read-other = Прочитать другую версию ({ $version })
text-choose = Какая версия текста на языке «{ $language }» считается основной?
text-choose-submit = Выбрать эту версию

process-field-title = название
process-field-title_translations = название на других языках
process-field-description = описание
process-field-mandate = мандат
process-field-languages = официальные языки
process-field-co_facilitators = сокоординаторы
process-field-secretariat = секретариат
process-field-meeting_kinds = виды заседаний
process-field-record_resolver = официальный документ
desk-process-title = Исправить процесс
desk-process-intro = Исправьте сведения о процессе: название, мандат, языки, должностных лиц и адрес, по которому находится официальный текст его документов. Каждое изменение сохраняется в истории процесса и в журнале аудита.
desk-process-link = Исправить процесс
desk-process-slug-stays = (адрес не меняется)
desk-process-save = Сохранить изменения
done-process-edited = Процесс исправлен.
# Statements of intention after a vote (issue 17, item 6)
vote-intended-yes = заявлено намерение голосовать «за»
vote-intended-no = заявлено намерение голосовать «против»
vote-intended-abstain = заявлено намерение воздержаться
adoption-intention-title = Заявление о намерении после голосования
adoption-intention-lead = Делегация заявляет после голосования, что намеревалась голосовать иначе: её заявление приводится рядом с зарегистрированным голосом, который, как и итоги голосования, остаётся неизменным.
adoption-intention-state = Государство-член
adoption-intention-vote = Намерение
adoption-intention-button = Зарегистрировать заявление о намерении

# Presence at a vote (issue 17, item 6)
adoption-present-and-voting = Члены, присутствующие и участвующие в голосовании
adoption-present-and-voting-count = Присутствуют и участвуют в голосовании: { $voting }; требуемое большинство: { $needed }
adoption-present-count = присутствуют: { $present }, из них воздержались: { $abstaining } (присутствуют, но не участвуют в голосовании)
adoption-present-field = Присутствующие государства (если они указаны в отчёте)
adoption-present-hint = Коды государств-членов, присутствовавших при голосовании. Среди них должно быть каждое государство, голосовавшее «за», «против» или воздержавшееся; воздержавшиеся государства присутствуют, но не участвуют в голосовании. Оставьте пустым, если в отчёте это не указано.

# Голосования до голосования в целом: раздельные голосования по пунктам, устные поправки и изменения
before-title = До голосования по тексту в целом
before-lead = Раздельные голосования по пунктам и устные поправки или изменения, зарегистрированные на заседании до того, как текст ставится на голосование в целом. Пункт, который не сохранён, исключается из текста.
before-none = На этом заседании не зарегистрировано ни раздельных голосований, ни устных изменений.
before-paragraph-vote = Пункт { $paragraph } (по просьбе: { $requested_by }): { $result }, { $yes }–{ $no }–{ $abstain }
before-oral_amendment = Устная поправка к пункту { $paragraph }, внесённая: { $moved_by }: { $outcome }
before-oral_revision = Устное изменение к пункту { $paragraph }, внесённое: { $moved_by }: { $outcome }
before-vote-totals = поставлено на голосование, { $yes }–{ $no }–{ $abstain }
before-not-voting = не участвовали в голосовании: { $count }
paragraph-vote-retained = сохранён
paragraph-vote-deleted = исключён
oral-outcome-accepted = принято
oral-outcome-rejected = отклонено
oral-outcome-withdrawn = снято
oral-kind-oral_amendment = Устная поправка
oral-kind-oral_revision = Устное изменение
adoption-deleted = Исключены раздельным голосованием
adoption-deleted-listed = Пункты, исключённые из принятого текста: { $paragraphs }
adoption-deleted-mark = исключён раздельным голосованием
adoption-desk-title = Раздельные голосования и устные изменения
adoption-desk-link = Раздельные голосования и устные изменения на заседании
before-paragraph-field = Пункт (номер, eId или wId)
before-requested-by-field = По просьбе (код государства или группы)
before-moved-by-field = Внесено (код государства или группы)
paragraph-vote-form-title = Зарегистрировать раздельное голосование по пункту
paragraph-vote-button = Зарегистрировать раздельное голосование
oral-change-form-title = Зарегистрировать устную поправку или устное изменение
oral-change-kind-field = Вид
oral-change-text-field = Как зачитано
oral-change-outcome-field = Итог (если не ставилось на голосование)
oral-change-vote-legend = Голосование, если оно проводилось (итог следует из него)
oral-change-button = Зарегистрировать устное изменение
done-paragraph-vote-recorded = Раздельное голосование зарегистрировано.
done-oral-change-recorded = Устное изменение зарегистрировано.
