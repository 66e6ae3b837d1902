# Accord — العربية. تؤخذ الرسائل الناقصة من en.ftl.

site-name = Accord
site-tagline = العمليات الحكومية الدولية، من التشاور إلى الاعتماد
nav-processes = العمليات
nav-actors = الجهات الفاعلة
nav-language = اللغة
nav-main = التنقل الرئيسي
skip-to-content = الانتقال إلى المحتوى
breadcrumb = أنت هنا
breadcrumb-home = الصفحة الرئيسية
footer-about = Accord منصة مفتوحة لإدارة العمليات الحكومية الدولية: المشاورات والتقييم والتفاوض والاعتماد.
footer-api = واجهة JSON البرمجية
pagination-next = الصفحة التالية

home-title = العمليات الحكومية الدولية
home-intro = تابع كل عملية من ولايتها إلى النص المعتمد: مراحلها واجتماعاتها ووثائقها، والدول والمنظمات المشاركة فيها.
home-none = لا توجد عمليات بعد.
home-open-process = فتح العملية

process-current-phase = المرحلة الحالية
process-no-current-phase = ليست في أي مرحلة اليوم
process-mandate = الولاية
process-co-facilitators = الميسّران المشاركان
process-secretariat = الأمانة
process-languages = اللغات الرسمية
process-timeline = الجدول الزمني
process-timeline-description = مراحل العملية واجتماعاتها على محور زمني. وترد جميع الاجتماعات أيضاً في القائمة أدناه.
process-timeline-continues = تستمر العملية بالمتابعة والاستعراض؛ وترد تلك الاجتماعات مع غيرها.
process-phases = المراحل
process-meetings = الاجتماعات
process-documents = الوثائق
process-themes = المواضيع
process-view-all-meetings = جميع الاجتماعات
process-view-documents = جميع الوثائق
process-key-facts = معلومات أساسية
process-overview = لمحة عامة
phase-open-ended = مستمرة
phase-dates = { $start } – { $end }
phase-since = منذ { $start }

phase-consultation = المشاورات
phase-stocktaking = التقييم
phase-negotiation = التفاوض
phase-adoption = الاعتماد
phase-follow_up = المتابعة والاستعراض

meeting-kind-thematic_session = دورة مواضيعية
meeting-kind-regional_consultation = مشاورة إقليمية
meeting-kind-multi_stakeholder_hearing = جلسة استماع لأصحاب المصلحة المتعددين
meeting-kind-preparatory_meeting = اجتماع تحضيري
meeting-kind-negotiation_round = جولة مفاوضات
meeting-kind-informal_consultation = مشاورة غير رسمية
meeting-kind-conference = مؤتمر
meeting-kind-plenary_meeting = جلسة عامة
meeting-kind-review_forum = منتدى استعراض
meeting-kinds-thematic_session = الدورات المواضيعية
meeting-kinds-regional_consultation = المشاورات الإقليمية
meeting-kinds-multi_stakeholder_hearing = جلسات الاستماع لأصحاب المصلحة المتعددين
meeting-kinds-preparatory_meeting = الاجتماعات التحضيرية
meeting-kinds-negotiation_round = جولات المفاوضات
meeting-kinds-informal_consultation = المشاورات غير الرسمية
meeting-kinds-conference = المؤتمرات
meeting-kinds-plenary_meeting = الجلسات العامة
meeting-kinds-review_forum = منتديات الاستعراض

meetings-title = الاجتماعات
meetings-filter-kind = نوع الاجتماع
meetings-all-kinds = جميع الأنواع
meetings-filter-apply = عرض
meetings-count = عدد الاجتماعات: { $count }
meetings-none = لا توجد اجتماعات من هذا النوع.
meeting-kind = النوع
meeting-title = العنوان
meeting-dates = التواريخ
meeting-venue = المكان
meeting-venue-unknown = غير مؤكد
meeting-chairs = الرئاسة
meeting-agenda = جدول الأعمال
meeting-agenda-none = لم تُنشر بنود جدول الأعمال.
meeting-themes = المواضيع
meeting-documents = الوثائق
meeting-documents-none = لم تُنشر وثائق لهذا الاجتماع.
meeting-note = ملاحظة
meeting-number = رقم { $number }
meeting-process = العملية

documents-title = الوثائق
documents-intro = وثائق العملية المنشورة حتى الآن، مرتبة حسب التاريخ.
documents-none = لم تُنشر أي وثائق.
document-symbol = الرمز
document-title = العنوان
document-kind = النوع
document-date = التاريخ
document-languages = اللغات
document-meeting = الاجتماع
document-kind-issue_brief = موجز قضايا
document-kind-concept_note = مذكرة مفاهيمية
document-kind-programme = برنامج
document-kind-report = تقرير
document-kind-draft = مشروع
document-kind-summary = موجز
document-kind-letter = رسالة
document-kind-non_paper = ورقة غير رسمية
document-kind-resolution = قرار
document-kind-outcome_document = الوثيقة الختامية

taxonomy-thematic-sessions = مواضيع الدورات المواضيعية
taxonomy-objectives = الأهداف

actors-title = الجهات الفاعلة
actors-intro = الدول الأعضاء والدول المراقبة ومجموعات الدول والمنظمات المشاركة في العمليات.
actors-all = الكل
actors-count = عدد الجهات الفاعلة: { $count }
actor-code = الرمز
actor-name = الاسم
actor-kind = الفئة
actor-region = المنطقة
actor-subregion = المنطقة دون الإقليمية
actor-official-name = الاسم الرسمي
actor-member-since = عضو في الأمم المتحدة منذ
actor-members = الأعضاء
actor-member-of = عضو في
actor-m49 = رمز M49
actor-iso2 = رمز ISO 3166-1 المكون من حرفين
actor-iso3 = رمز ISO 3166-1 المكون من ثلاثة أحرف
actor-kind-member_state = دولة عضو
actor-kind-observer_state = دولة مراقبة
actor-kind-group = مجموعة دول
actor-kind-un_entity = كيان تابع للأمم المتحدة
actor-kind-intergovernmental_organisation = منظمة حكومية دولية
actor-kind-stakeholder_organisation = منظمة من أصحاب المصلحة
actor-kind-individual = فرد
actor-kinds-member_state = الدول الأعضاء
actor-kinds-observer_state = الدول المراقبة
actor-kinds-group = مجموعات الدول
actor-kinds-un_entity = كيانات الأمم المتحدة
actor-kinds-intergovernmental_organisation = المنظمات الحكومية الدولية
actor-kinds-stakeholder_organisation = منظمات أصحاب المصلحة
actor-kinds-individual = الأفراد

language-ar = العربية
language-zh = الصينية
language-en = الإنكليزية
language-fr = الفرنسية
language-ru = الروسية
language-es = الإسبانية

error-not-found-title = الصفحة غير موجودة
error-not-found-body = لا يوجد شيء في هذا العنوان. ربما نُقلت الصفحة أو أن الرابط غير صحيح.
error-bad-request-title = لا يمكن تلبية هذا الطلب
error-unavailable-title = الخدمة غير متاحة مؤقتاً
error-unavailable-body = لا تستطيع الخدمة الوصول إلى مخزن بياناتها. يرجى المحاولة بعد قليل.
error-internal-title = حدث خطأ
error-internal-body = سُجّل الخطأ. يرجى المحاولة لاحقاً.
error-back-home = العودة إلى الصفحة الرئيسية

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيه
month-7 = يوليه
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
month-short-1 = يناير
month-short-2 = فبراير
month-short-3 = مارس
month-short-4 = أبريل
month-short-5 = مايو
month-short-6 = يونيه
month-short-7 = يوليه
month-short-8 = أغسطس
month-short-9 = سبتمبر
month-short-10 = أكتوبر
month-short-11 = نوفمبر
month-short-12 = ديسمبر
date-full = { $day } { $month } { $year }
date-range-same-month = { $day }–{ $end_day } { $month } { $year }
date-range = { $start } – { $end }
date-month-year = { $month } { $year }

## Signing in
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-signed-in-as = مسجّل الدخول باسم { $name }
login-title = تسجيل الدخول
login-email = عنوان البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-help = تنشئ الأمانة الحسابات. إذا نسيت كلمة المرور، فاطلب من الأمانة رابطاً لإعادة تعيينها.
login-failed = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
login-throttled = محاولات فاشلة كثيرة. يرجى الانتظار 15 دقيقة.
reset-title = اختيار كلمة مرور جديدة
reset-new-password = كلمة المرور الجديدة (12 حرفاً على الأقل)
reset-confirm = أعد كتابة كلمة المرور الجديدة
reset-submit = حفظ كلمة المرور
reset-mismatch = كلمتا المرور غير متطابقتين.
reset-done-title = تم تغيير كلمة المرور
reset-done-body = يمكنك الآن تسجيل الدخول بكلمة المرور الجديدة. وقد أُنهيت الجلسات السابقة.

## Audit log
nav-audit = سجل المراجعة
audit-title = سجل المراجعة
audit-action = الإجراء
audit-process = العملية
audit-when = التاريخ
audit-by = بواسطة
audit-acting-for = نيابة عن
audit-targets = السجلات
error-unauthenticated-title = يرجى تسجيل الدخول
error-forbidden-title = غير مسموح

## Speakers' lists
speakers-title = قائمة المتكلمين
speakers-none = لم يطلب أحد الكلمة بعد.
speakers-speaker = المتكلم
speakers-category = الفئة
speakers-item = بند جدول الأعمال
speakers-time = الوقت
speakers-status = الحالة
speaker-category-group = مجموعة دول
speaker-category-ministerial = دولة (على المستوى الوزاري)
speaker-category-state = دولة
speaker-category-observer_state = دولة مراقبة
speaker-category-un_entity = كيان تابع للأمم المتحدة أو منظمة حكومية دولية
speaker-category-stakeholder = صاحب مصلحة
speaker-category-right_of_reply = حق الرد
speaker-status-waiting = في الانتظار
speaker-status-speaking = يتكلم
speaker-status-spoken = تكلم

## Participants
participants-title = المشاركون
participants-none = لم يسجَّل أحد بعد.

## The secretariat's forms
manage-title = إدارة العملية

## At a meeting
speakers-for = نيابة عن
speakers-ministerial = على المستوى الوزاري
speakers-ask = طلب الكلمة
speakers-call = إعطاء الكلمة
speakers-done = تسجيل أنه تكلم
participants-register = التسجيل في هذا الاجتماع

## Accreditation
accreditation-title = اعتماد أصحاب المصلحة
accreditation-intro = تقدّم المنظمات طلبات للمشاركة. ويجوز للدول الأعضاء أن تعترض خلال المهلة المحددة لإجراء عدم الاعتراض، ثم تبتّ الأمانة في الطلب. وتُحفظ الاعتراضات والقرارات.
accreditation-applications = الطلبات
accreditation-none = لا توجد طلبات بعد.
accreditation-deadline = آخر موعد لتقديم الاعتراضات
accreditation-objections = الاعتراضات
accreditation-decision = القرار
accreditation-for-state = نيابة عن
accreditation-reason = السبب
accreditation-object = تقديم اعتراض
accreditation-approve = الموافقة
accreditation-reject = الرفض
accreditation-note = ملاحظة
accreditation-record = تسجيل القرار
accreditation-apply = طلب الاعتماد
accreditation-name = اسم المنظمة
accreditation-country = البلد (رمز ISO)
accreditation-website = الموقع الشبكي
accreditation-ecosoc = تتمتع بمركز استشاري لدى المجلس الاقتصادي والاجتماعي
accreditation-description = أنشطة المنظمة
accreditation-submit = إرسال الطلب
accreditation-received = تم استلام الطلب رقم { $id }. ويجوز للدول الأعضاء أن تعترض خلال المهلة المحددة لإجراء عدم الاعتراض، ثم تبتّ الأمانة في الطلب.
accreditation-status-pending = قيد النظر
accreditation-status-approved = مقبول
accreditation-status-rejected = مرفوض
stakeholder-kind-ngo = منظمة غير حكومية
stakeholder-kind-academia = الأوساط الأكاديمية
stakeholder-kind-private_sector = القطاع الخاص
stakeholder-kind-trade_union = نقابة عمال
stakeholder-kind-migrants_or_diaspora_organisation = منظمة للمهاجرين أو للمغتربين
stakeholder-kind-local_authority = سلطة محلية
stakeholder-kind-national_human_rights_institution = مؤسسة وطنية لحقوق الإنسان

## Documents
document-no-symbol = —

## Audit log
audit-intro = كل تغيير أُجري في Accord: من أجراه، ونيابةً عن أي جهة فاعلة، وما هو، ومتى، والسجلات التي شملها. ويتضمن كل قيد قيمة التجزئة (hash) الخاصة بالقيد الذي يسبقه.
error-unauthenticated-body = هذه الصفحة متاحة فقط للمستخدمين الذين سجّلوا الدخول.
error-forbidden-body = لا تسمح لك أدوارك بهذا الإجراء.

## The secretariat's forms
manage-intro = أضف الاجتماعات والوثائق والمراحل. ويُسجَّل كل تغيير في سجل المراجعة.
manage-meeting = اجتماع جديد
manage-document = وثيقة جديدة
manage-phase = مرحلة جديدة
manage-actor = جهة فاعلة أو مجموعة جديدة
manage-slug = الاسم المختصر (للروابط)
manage-number = الرقم
manage-start = تاريخ البدء
manage-end = تاريخ الانتهاء
manage-venue-name = المبنى أو القاعة
manage-city = المدينة
manage-country = البلد (رمز ISO)
manage-agenda = بنود جدول الأعمال، بند واحد في كل سطر
manage-distribution = التوزيع
manage-public = عام
manage-restricted = محدود
manage-embargo = محظور النشر حتى (UTC)
manage-phase-kind = المرحلة
manage-members = الأعضاء (رموز الدول، في حالة المجموعة)
manage-add-meeting = إضافة الاجتماع
manage-add-document = إضافة الوثيقة
manage-add-phase = إضافة المرحلة
manage-add-actor = إضافة الجهة الفاعلة

## Your account, API tokens, and the secretariat's account desk
nav-accounts = الحسابات
role-secretariat = الأمانة
role-co_facilitator = ميسّر مشارك
role-delegate = مندوب
role-un_entity_representative = ممثل كيان تابع للأمم المتحدة أو منظمة حكومية دولية
role-stakeholder_representative = ممثل لأصحاب المصلحة
account-title = حسابك
account-roles = أدوارك
account-no-roles = ليس لك بعدُ أي دور في أي عملية: يمكنك الاطلاع على ما يُنشر، شأنك شأن الجمهور.
account-tokens = الرموز المميزة لواجهة API
account-tokens-intro = يتيح الرمز المميز لبرنامج نصي أن يتصرف باسمك عبر واجهة JSON البرمجية: أرسله بالصيغة "Authorization: Bearer …". سمِّ كل رمز باسم البرنامج النصي الذي يستخدمه، وألغِه عندما لا يعود البرنامج بحاجة إليه.
account-token-created = رمزك المميز الجديد "{ $name }":
account-token-once = انسخه الآن: فهو لا يُعرض إلا هذه المرة، ولا يحتفظ Accord إلا ببصمته.
account-token-name = الاسم
account-token-name-example = مثلاً: التصدير الليلي لنصوص البيانات
account-token-created-at = تاريخ الإنشاء
account-token-expires = تاريخ انتهاء الصلاحية
account-token-state = الحالة
account-token-active = نشط
account-token-revoked = ملغى
account-token-expired = منتهي الصلاحية
account-token-revoke = إلغاء
account-token-new = رمز مميز جديد
account-token-days = عدد الأيام حتى انتهاء الصلاحية (من 1 إلى 366)
account-token-create = إنشاء الرمز المميز
accounts-title = الحسابات
accounts-intro = أنشئ حسابات للأشخاص الذين يضطلعون بدور في العملية، وأصدر روابط لإعادة تعيين كلمة المرور. لا يرسل Accord أي بريد إلكتروني: أبلغ كل رابط بنفسك عبر قناة تثق بها.
accounts-new = حساب جديد
accounts-email = عنوان البريد الإلكتروني
accounts-name = الاسم
accounts-role = الدور
accounts-no-role = بلا دور حالياً
accounts-process = العملية
accounts-all-processes = جميع العمليات
accounts-actor = نيابة عن (رمز الدولة أو المجموعة أو المنظمة)
accounts-new-hint = يختار الشخص الجديد كلمة المرور بنفسه عبر الرابط الذي يظهر بعد إنشاء الحساب؛ ولا يطّلع عليها أحد غيره.
accounts-create = إنشاء الحساب
accounts-reset = رابط إعادة تعيين كلمة المرور
accounts-issue-link = إصدار رابط
accounts-link-for = رابط يتيح لصاحب العنوان { $email } اختيار كلمة مرور:
accounts-link-once = لا يعمل الرابط إلا مرة واحدة، في غضون { $hours } ساعة. انسخه الآن: فلن يُعرض مرة أخرى.
speakers-time-limits = الحدود الزمنية للكلمات
speakers-time-limits-hint = بالدقائق، أو بصيغة دقائق:ثوانٍ (من 15 ثانية إلى 60 دقيقة). اترك الحقل فارغاً لتطبيق الحد المعتاد.
speakers-time-limits-save = تحديد الحدود الزمنية
speakers-time-limit-set = محدد لهذا الاجتماع
manage-theme = موضوع جديد
manage-theme-code = الرمز (للروابط)
manage-theme-taxonomy = التصنيف (مثلاً: topics، objectives)
manage-add-theme = إضافة الموضوع
manage-process = عملية جديدة
manage-process-intro = عملية حكومية دولية، من ولايتها إلى نتائجها. وتُضاف المراحل والاجتماعات والوثائق والمواضيع في صفحة إدارتها بعد إنشائها.
manage-process-title = العنوان
manage-process-description = الوصف
manage-process-mandate = الولاية (رموز القرارات، مفصولة بفواصل)
manage-process-languages = اللغات الرسمية
manage-process-meeting-kinds = أنواع الاجتماعات التي تعقدها
manage-process-co-facilitators = الميسّرون المشاركون، واحد في كل سطر: الاسم | المنصب | رمز الدولة
manage-process-secretariat = الأمانة، شخص واحد في كل سطر: الاسم | المنصب
manage-process-create = إنشاء العملية
home-new-process = عملية جديدة

## The consultation phase
synthetic = بيانات اختبار اصطناعية
statement-title = بيان
statements-title = البيانات
statements-none = لم تُنشر بيانات لهذا الاجتماع.
statement-on-behalf-of = باسم
statement-languages = لغات هذا البيان
statement-no-text = لم يُنشر نص هذا البيان بعد.
statement-add = إضافة بيان
statement-speaker = المتكلم (رمز الدولة أو كيان الأمم المتحدة أو المنظمة)
statement-for-group = باسم مجموعة (الرمز، اختياري)
statement-delivered-on = تاريخ الإدلاء بالبيان
statement-text = النص (تُفصل الفقرات بسطر فارغ)
statement-add-submit = إضافة البيان
text-detected = تم التعرف على اللغة تلقائياً
distribution-public = عام
distribution-restricted = للدول الأعضاء فقط
distribution-secretariat = للأمانة فقط
recommendations-title = التوصيات
recommendations-intro = مقترحات ملموسة وقابلة للتنفيذ وجدتها الأمانة في البيانات والمساهمات المكتوبة، مع رابط يحيل كلاً منها إلى الموضع الذي طُرحت فيه.
recommendations-none = لم تُحدَّد أي توصية بعد.
recommendation-mark = تحديد توصية
recommendation-passage = المقطع، كما ورد في النص
recommendation-mark-submit = تحديد التوصية
recommendation-source-statement = في البيان رقم { $id }
recommendation-source-input = في المساهمة رقم { $id }
consultation-title = دعوة إلى تقديم مساهمات
consultations-title = الدعوات إلى تقديم مساهمات
consultation-open = مفتوحة
consultation-closed = مغلقة
input-send = إرسال مساهمة
input-send-intro = يجوز لأي شخص أن يشارك كتابةً في هذه المشاورة. ويُنشر ما ترسله مع اسم منظمتك وبلدك إن ذكرتهما؛ ولا يظهر اسمك إلا إذا ذكرته.
input-author = اسمك (اختياري)
input-organisation = المنظمة (اختياري)
input-country = البلد (رمز ISO، اختياري)
input-language = اللغة
input-language-detect = التعرف عليها من النص
input-text = مساهمتك
input-submit = إرسال المساهمة
inputs-title = المساهمات الواردة
inputs-none = لم تُنشر أي مساهمات بعد.
input-title = المساهمة رقم { $id }
input-kind = مساهمة مكتوبة
input-no-organisation = أحد أفراد الجمهور
statement-upload = رفع ملف
statement-file = ملف واحد لكل لغة: PDF أو DOCX أو ODT أو HTML أو Markdown أو نص عادي، بحد أقصى { $mb } ميغابايت
statement-upload-submit = رفع
text-pending = تجري قراءة هذا الملف، وسيظهر نصه هنا عندما يصبح جاهزاً. أعد تحميل الصفحة لرؤيته.
text-failed = تعذّرت قراءة أي شيء من هذا الملف، لكن لا يزال من الممكن تنزيله.
process-feed = موجز Atom للمنشورات
process-calendar = تقويم الاجتماعات (iCalendar)

## Search
nav-search = البحث
search-title = البحث
search-placeholder = كلمات، أو "عبارة بين علامتي تنصيص"
search-submit = بحث
search-results = { $total ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $total } نتائج
    [many] { $total } نتيجة
   *[other] { $total } نتيجة
}
search-none = لا توجد نتائج مطابقة. جرّب عدداً أقل من الكلمات، أو أزل أحد عوامل التصفية.
search-facets = تضييق نطاق النتائج
search-kind-statement = بيان
search-kind-document = وثيقة
search-kind-input = مساهمة
search-kind-recommendation = توصية
search-facet-process = العملية
search-facet-meeting = الاجتماع
search-facet-meeting_kind = نوع الاجتماع
search-facet-actor = الجهة الفاعلة
search-facet-actor_kind = فئة الجهة الفاعلة
search-facet-theme = الموضوع
search-facet-language = اللغة
search-facet-year = السنة
search-facet-document_kind = نوع الوثيقة
search-facet-kind = النوع
pagination-previous = الصفحة السابقة
actor-kind-public = الجمهور
document-upload = رفع ملف وثيقة
document-download = تنزيل الملف باللغة { $language }
