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
