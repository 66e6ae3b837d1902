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
accreditation-intro = تقدّم المنظمات طلبات للمشاركة. ويجوز للدول الأعضاء أن تعترض خلال المهلة المحددة لإجراء عدم الاعتراض. ثم تبتّ الأمانة في الطلبات التي لم يعترض عليها أحد؛ أما الطلب الذي اعتُرض عليه فيُحال إلى الهيئة التي يحددها النظام الداخلي للعملية، وتسجّل الأمانة قرارها. وتُحفظ الاعتراضات والقرارات.
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
accreditation-status-referred = مُحال
accreditation-rule-plenary = تبتّ الجلسة العامة في الطلبات التي تعترض عليها دولة عضو.
accreditation-rule-bureau = يبتّ المكتب في الطلبات التي تعترض عليها دولة عضو.
accreditation-deciding-body = الهيئة التي تبتّ في الطلبات المعترض عليها
accreditation-body-plenary = الجلسة العامة
accreditation-body-bureau = المكتب
accreditation-set-deciding-body = حفظ القاعدة
accreditation-referred-to-plenary = مُحال إلى الجلسة العامة
accreditation-referred-to-bureau = مُحال إلى المكتب
accreditation-decision-of-plenary = قرار الجلسة العامة
accreditation-decision-of-bureau = قرار المكتب
accreditation-record-decision-of-plenary = اعترضت دولة عضو: تبتّ الجلسة العامة في الطلب. سجّل قرارها.
accreditation-record-decision-of-bureau = اعترضت دولة عضو: يبتّ المكتب في الطلب. سجّل قراره.
accreditation-outcome = النتيجة
accreditation-decided-on = تاريخ القرار
accreditation-decided-at-meeting = الجلسة
accreditation-no-meeting = لم تُحدَّد جلسة
accreditation-reference = المرجع (رمز القرار)
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
speakers-time-limit-save-one = تحديد
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

## Negotiation: drafts, versions, amendments, compilation, redline, lineage, silence
process-view-drafts = مشاريع النصوص والتفاوض
drafts-title = مشاريع النصوص
drafts-lead = نصوص التفاوض: صيغها، والتعديلات المقترحة عليها، وكيف تقدّمت فقراتها نحو الاتفاق.
drafts-none = لا توجد مشاريع نصوص بعد.
drafts-new = مشروع نص جديد
drafts-new-submit = إنشاء المشروع
drafts-kind = نوع المشروع
drafts-symbol = رمز الوثيقة (إن وُجد)
draft-kind-negotiating_text = نص تفاوضي
draft-kind-resolution = مشروع قرار
negotiation-simulated = التعديلات المعروضة هنا محاكاة لأغراض العرض التوضيحي، ولا تمثل موقف أي دولة أو مجموعة.
negotiation-simulated-badge = محاكاة
draft-versions = الصيغ
draft-version = الصيغة
draft-issued = تاريخ الإصدار
draft-paragraphs = الفقرات
draft-open-proposals = فقرات عليها مقترحات قيد النظر
draft-progress = التقدم المحرز
draft-progress-label = الفقرات المتفق عليها رهن الاستشارة: { $agreed } من أصل { $paragraphs }؛ الفقرات الواردة بين معقوفتين: { $bracketed }
draft-read = قراءة
draft-compilation = النص التجميعي
draft-redline = التغييرات مقارنةً بالصيغة السابقة
draft-no-versions = لم تصدر أي صيغة بعد.
draft-import = استيراد صيغة
draft-import-help = ملف DOCX منسق على غرار مشاريع نصوص الأمم المتحدة (فقرات مرقمة "1."، وفقرات فرعية "(a)"، وعناوين "Objective 1:")، أو نص Markdown بتنسيق Accord. اعرض المعاينة أولاً: لا يُحفظ شيء قبل إصدار الصيغة.
draft-import-file = ملف DOCX أو Markdown
draft-import-markdown = أو الصق نص Markdown
draft-import-preview = معاينة
draft-import-issue = إصدارها بوصفها الصيغة التالية
draft-label = التسمية
draft-preview-title = ما جرى التعرف عليه
draft-preview-counts = الفروع: { $sections }، الأهداف: { $objectives }، الفقرات: { $paragraphs }، الفقرات الفرعية: { $subparagraphs }.
draft-preview-line = السطر { $line }
draft-revision = إصدار صيغة منقحة
draft-take-up = التعديلات التي تُدرج بالصيغة التي قُدّمت بها
draft-revision-submit = إصدار الصيغة المنقحة
version-superseded = توجد صيغة لاحقة
version-counts = الفقرات: { $paragraphs }؛ المتفق عليها رهن الاستشارة: { $agreed }، والواردة بين معقوفتين: { $bracketed }، والتي عليها مقترحات قيد النظر: { $open }.
version-views = طرق أخرى لعرض هذه الصيغة
version-lineage = مصدر الصياغة
version-open-proposals = { $count ->
    [zero] لا توجد مقترحات قيد النظر
    [one] مقترح واحد قيد النظر
    [two] مقترحان قيد النظر
    [few] { $count } مقترحات قيد النظر
    [many] { $count } مقترحاً قيد النظر
   *[other] { $count } مقترح قيد النظر
}
kind-section = فرع
kind-paragraph = فقرة
kind-subparagraph = فقرة فرعية
status-under_negotiation = قيد التفاوض
status-agreed_ad_ref = متفق عليها رهن الاستشارة
status-bracketed = بين معقوفتين
status-deleted = محذوفة
status-set = تحديد حالة فقرة
status-label = الحالة
status-options = الخيارات البديلة (خيار واحد في كل سطر، للفقرة الواردة بين معقوفتين)
status-submit = تحديد الحالة
op-insert = إدراج كلمات
op-delete = حذف كلمات
op-replace = الاستعاضة عن كلمات
op-add = إضافة فقرة
op-delete_node = حذف الفقرة
op-move = نقل الفقرة
amend-title = اقتراح تعديل
amend-proposer = نيابة عن
amend-node = الفقرة
amend-op = التعديل
amend-kind = نوع الفقرة الجديدة
amend-co-sponsors = المشاركون في تقديمه
amend-co-sponsors-pending = سُمّوا مشاركين في التقديم، بانتظار تأكيدهم:
amend-justification = المبررات
amend-submit = تقديم التعديل
amend-proposers = مقدّموه
amend-supporters = المؤيدون
amend-objectors = المعترضون
amend-actor = الدولة أو المجموعة
amend-stance = الموقف
amend-when = التاريخ
amendment-title = التعديل A{ $number }
amendment-effect = مضمون التعديل
amendment-after = فقرة جديدة بعد { $node }:
amendment-move-after = ينقل الفقرة إلى ما بعد { $node }.
amendment-positions = التأييد والاعتراضات
amendment-no-positions = لم تُبدِ أي دولة موقفها بعد.
amendment-position-submit = تسجيل الموقف
amendment-withdraw = سحب التعديل
amendment-co-sponsor-confirm = تأكيد المشاركة في التقديم باسم { $actor }
amendment-co-sponsor-decline = الرفض باسم { $actor }
amendment-co-sponsor-leave = سحب مشاركة { $actor } في التقديم
amendment-outcome = النتيجة
amendment-note = ملاحظة
amendment-decide = تسجيل القرار
amendment-status-tabled = مقدَّم
amendment-status-withdrawn = مسحوب
amendment-status-accepted = مقبول
amendment-status-accepted_as_modified = مقبول بصيغته المعدلة
amendment-status-rejected = مرفوض
amendment-status-superseded = مُستعاض عنه
stance-support = تأييد
stance-object = اعتراض
compilation-title = النص التجميعي
compilation-amendments = التعديلات
compilation-actor = الدولة أو المجموعة
compilation-status = الحالة
compilation-filter = عرض
compilation-shown = المقترحات المعروضة: { $shown }؛ المقترحات التي استبعدها عامل التصفية: { $hidden }.
compilation-delete-node = حذف مقترح
compilation-move-node = نقل مقترح إلى موضع آخر
compilation-moved-here = يُقترح نقل الفقرة { $node } إلى هنا
redline-title = التغييرات
redline-summary = أُضيف: { $added }، حُذف: { $deleted }، عُدّل: { $changed }، نُقل: { $moved }؛ الكلمات المضافة: { $words_added }، الكلمات المحذوفة: { $words_deleted }.
redline-from = من
redline-to = إلى
redline-compare = مقارنة
redline-changes-only = التغييرات فقط
redline-moved = منقولة (كانت { $from })
lineage-title = أصل الصياغة
lineage-lead = كل كلمة مع الصيغة التي أدخلتها ومصدرها: تعديل ما أو الميسّران المشاركان.
lineage-origins = المصادر
lineage-words = الكلمات
lineage-source = المصدر
lineage-cofac = الميسّران المشاركان
lineage-first = الصيغة الأولى
silence-title = إجراءات الموافقة الضمنية
silence-none = لم يُعرض أي نص بعدُ في إطار إجراء الموافقة الضمنية.
silence-deadline = الموعد النهائي
silence-time-zone = المنطقة الزمنية
silence-running = إجراء الموافقة الضمنية جارٍ.
silence-adopted = اعتُمد في إطار إجراء الموافقة الضمنية.
silence-broken = كُسر الصمت.
silence-broken-by = من جانب
silence-letters = رسائل كسر الصمت
silence-letter = رسالة { $state } بكسر الصمت
silence-break-submit = كسر الصمت
silence-open = عرض صيغة في إطار إجراء الموافقة الضمنية
silence-open-submit = بدء إجراء الموافقة الضمنية

## Stocktaking: recommendation candidates
recommendation-candidates = توصيات مقترحة
recommendation-candidates-help = جمل تبدو توصيات (بالإنكليزية والفرنسية والإسبانية). أكِّد ما هو توصية منها؛ ويبقى الباقي دون تعليم.
recommendation-confirm = تأكيد بوصفها توصية
recommendation-dismiss = ليست توصية

## Stocktaking
stocktaking-title = التقييم
stocktaking-lead = تقييم لكل ما قيل وكُتب في المشاورات: المواضيع التي يتناولها، والمجموعات داخل كل موضوع، والحملات، ومن قال ماذا.
stocktaking-none = لم يُجرَ أي تحليل بعد.
stocktaking-analyse = تحليل المساهمات والبيانات
stocktaking-analyse-help = يكشف الحملات، ويُسند إلى كل مساهمة وكل بيان موضوعاً مع درجة ثقة، ويجمّع العناصر المتشابهة داخل كل موضوع. ويجري التحليل في الخلفية ويحل محل التحليل السابق عند اكتماله؛ وتُحفظ المواضيع التي أسندتها ويُستفاد منها في تدريب النموذج.
stocktaking-threshold = عتبة التشابه شبه التام (0.3–0.99)
stocktaking-analyse-submit = التحليل الآن
stocktaking-run = المساهمات التي جرى تحليلها: { $inputs }، والبيانات: { $statements }؛ الحملات: { $campaigns }
stocktaking-themes = المواضيع
stocktaking-unassigned = عدد العناصر التي لا تندرج تحت أي موضوع: { $count }.
stocktaking-theme-counts = المساهمات: { $inputs }، البيانات: { $statements }
stocktaking-clusters = مجموعات المساهمات المتشابهة
stocktaking-key-phrases = العبارات الرئيسية
stocktaking-inputs = المساهمات
stocktaking-representative = مساهمات تمثيلية
stocktaking-campaign-share = المساهمات المندرجة ضمن حملات: { $inputs } ({ $percent }%).
stocktaking-analysis = التحليل
stocktaking-theme = الموضوع
stocktaking-labelled = أسندته الأمانة
stocktaking-confidence = درجة الثقة: { $percent }%
stocktaking-no-theme = دون موضوع
stocktaking-campaign = الحملة
stocktaking-correct = تصحيح الموضوع
stocktaking-correct-submit = تحديد الموضوع
jobs-title = المهام
job-kind-analysis = التحليل
job-kind-import_inputs = استيراد المساهمات
job-status-running = قيد التنفيذ
job-status-succeeded = اكتملت
job-status-failed = فشلت
campaigns-title = الحملات
campaigns-lead = مساهمات هي في الأصل رسالة واحدة أُرسلت مرات عديدة، حرفياً أو مع تعديلات طفيفة. وتُحفظ كل مساهمة أصلية ويمكن الاطلاع عليها.
campaigns-all = جميع الحملات
campaign-title = الحملة رقم { $number }
campaign-size = عدد المساهمات: { $count }
campaign-variants = الصيغ المختلفة
campaign-seen = تاريخ أول ورود وآخر ورود
campaign-text = النص
campaign-inputs = مساهمات الحملة
who-title = من قال ماذا
who-by-kind = حسب الفئة
who-by-region = الدول حسب المنطقة (بيانات الدول والمساهمات الواردة منها)
who-total = المجموع
who-inputs = المساهمات المكتوبة
who-unknown = غير معروف
who-help = تمثل الأعمدة المواضيع بالترتيب الوارد أعلاه، ثم العناصر التي ليس لها موضوع.
report-title = تقرير التقييم
report-docx = نسخة Word (DOCX)
report-print = اطبع هذه الصفحة، أو احفظها بصيغة PDF من مربع حوار الطباعة.
report-received = المساهمات الواردة
report-by-language = المساهمات حسب اللغة
report-by-region = المساهمات حسب المنطقة
report-over-time = المساهمات الواردة أسبوعياً
report-statements-by-kind = البيانات حسب فئة الجهة الفاعلة
report-figures = الأرقام في شكل جداول
report-method = الحملات: تُعدّ المساهمات التي تتشابه متتاليات كلماتها بنسبة { $threshold }% على الأقل حملةً واحدة. المواضيع: يُسندها نموذج مدرَّب على عناوين المواضيع، والتوصيات التي أُسندت إليها مواضيع، والمواضيع التي أسندتها الأمانة (وعددها { $labels }).
coverage-title = مدى تناول التوصيات
coverage-lead = لكل توصية، فقرات المشروع التي تتناولها: إما فقرات ربطها بها الميسّران المشاركان، وإما فقرات مقترحة على أساس التشابه.
coverage-answered = التوصيات التي جرى تناولها: { $answered } من أصل { $total }
coverage-no-draft = لا يوجد مشروع نص بعد.
coverage-unanswered = توصيات متكررة لم تتناولها أي فقرة بعد
coverage-none-unanswered = جرى تناول جميع التوصيات المتكررة.
coverage-times = عدد مرات طرحها: { $count }
coverage-source = المصدر
coverage-linked = الفقرات التي تتناولها
coverage-none = لا توجد بعد
coverage-suggested = الفقرات المقترحة
coverage-link = ربط
coverage-unlink = إزالة الربط بالفقرة
stocktaking-synthetic = عدد العناصر المحللة التي هي بيانات اختبار اصطناعية: { $count }، أُنشئت لتجربة النظام؛ ولم يكتب أيًّا منها شخص.
stocktaking-public-only = يشمل التحليل ما يمكن للجميع قراءته: تُستبعد العناصر ذات التوزيع المحدود أو الخاضعة لحظر النشر وقت إجراء التحليل.

## Adoption and follow-up
adoptions-title = الاعتماد
adoptions-lead = كيف اعتُمد النص: بتوافق الآراء أو بتصويت مسجل، وفي أي جلسة، وأيّ اعتماد أقرّ اعتماداً آخر.
adoptions-none = لم يُعتمد أي شيء في هذه العملية بعد.
adoption-adopted = اعتُمد
adoption-not-adopted = لم يُعتمد
adoption-method = طريقة الاعتماد
adoption-method-consensus = بتوافق الآراء
adoption-method-recorded_vote = بتصويت مسجل
adoption-totals = المؤيدون: { $yes }، المعارضون: { $no }، الممتنعون: { $abstain }، غير المصوتين: { $not_voting }
adoption-version = النص المعتمد
adoption-endorses = يُقرّ
adoption-endorsed-by = أقرّه
adoption-endorsed-text = النص المُقَرّ
adoption-resolution = القرار
adoption-resolution-lead = اعتُمد استنادًا إلى مشروع القرار
adoption-resolution-preambular = فقرات الديباجة
adoption-resolution-operative = فقرات المنطوق
adoption-resolution-not-recorded = لم تُسجَّل صيغة القرار هنا.
adoption-outcome = النتيجة
adoption-majority = الأغلبية المطلوبة
adoption-majority-simple = الأغلبية البسيطة للأعضاء الحاضرين المشتركين في التصويت
adoption-majority-two_thirds = أغلبية ثلثي الأعضاء الحاضرين المشتركين في التصويت
adoption-needed = عدد الأصوات المؤيدة اللازمة: { $needed }
adoption-totals-title = نتيجة التصويت
adoption-vote = التصويت
adoption-total = المجموع
adoption-named = المذكورة بالاسم في السجل
adoption-not-recorded-note = عدد الدول الأعضاء التي لم يُسجَّل تصويتها: { $count }. فالمصادر لا تذكرها في أي عمود، ولذلك يُشار إليها بعبارة "غير مسجل" بدلاً من التخمين.
adoption-export-csv = الأصوات (CSV)
adoption-export-akn = Akoma Ntoso (XML)
adoption-export-svg = الخريطة (SVG)
adoption-map = التصويت على الخريطة
adoption-map-alternative = يتضمن جدول الدول الأعضاء أدناه المعلومات نفسها الواردة في الخريطة.
adoption-not-drawn = لا تظهر بهذا المقياس
adoption-statements = البيانات المتعلقة بالاعتماد
adoption-statement-explanation_before = تعليل التصويت قبل التصويت
adoption-statement-explanation_after = تعليل التصويت بعد التصويت
adoption-statement-position = بيان موقف
adoption-statement-reservation = تحفظ
adoption-statement-dissociation = النأي بالنفس
adoption-states = الدول الأعضاء
adoption-sort = الترتيب حسب
adoption-sort-name = الاسم
adoption-sort-vote = التصويت
adoption-sort-region = المنطقة
adoption-subregion = المنطقة دون الإقليمية
adoption-table-caption = تصويت كل دولة عضو؛ ويُشار بعبارة "غير مسجل" حيث لا تذكر المصادر ذلك.
vote-yes = مؤيد
vote-no = معارض
vote-abstain = ممتنع
vote-not-voting = غير مصوت
vote-not-recorded = غير مسجل
vote-map-title = خريطة العالم لنتيجة التصويت: { $title }
vote-map-description = تُملأ مساحة كل دولة عضو بحسب تصويتها بنقش ولون معاً؛ ويتضمن جدول الدول الأعضاء المعلومات نفسها.
pledges-title = التعهدات
pledges-lead = ما تعهدت به الدول والجهات الفاعلة الأخرى من أجل تحقيق أهداف النص المعتمد، والتقدم الذي تبلغ عنه.
pledges-objectives = أهداف النص المعتمد
pledges-nothing-adopted = تُقدَّم التعهدات بشأن نص معتمد؛ ولم يُعتمد أي شيء بعد.
pledges-all = جميع التعهدات
pledges-none = لا توجد تعهدات بعد.
pledge-objectives = الأهداف
pledge-status-announced = معلَن
pledge-status-in_progress = قيد التنفيذ
pledge-status-fulfilled = تم الوفاء به
pledge-status-withdrawn = مسحوب
pledge-reports = { $count ->
    [zero] لا توجد تقارير مرحلية
    [one] تقرير مرحلي واحد
    [two] تقريران مرحليان
    [few] { $count } تقارير مرحلية
    [many] { $count } تقريراً مرحلياً
   *[other] { $count } تقرير مرحلي
}
objective-title = الهدف { $number }
objective-pledges = { $count ->
    [zero] لا توجد تعهدات بشأن هذا الهدف
    [one] تعهد واحد بشأن هذا الهدف، حسب المنطقة
    [two] تعهدان بشأن هذا الهدف، حسب المنطقة
    [few] { $count } تعهدات بشأن هذا الهدف، حسب المنطقة
    [many] { $count } تعهداً بشأن هذا الهدف، حسب المنطقة
   *[other] { $count } تعهد بشأن هذا الهدف، حسب المنطقة
}
objective-other-actors = الجهات الفاعلة الأخرى (من غير الدول)

## A version in the six languages
languages-title = اللغات
languages-lead = هذه الصيغة باللغات الرسمية الست، مع مقابلة النصوص فقرةً بفقرة. وحيثما لم تُترجم فقرة بعد، تحتفظ الملفات المصدَّرة بالصياغة الإنكليزية الأصلية.
languages-progress = التقدم المحرز في الترجمة
languages-language = اللغة
languages-translated = المترجَم
languages-updated = آخر تحديث
languages-exports = التصدير
languages-original = الأصل
languages-count = الأجزاء: { $translated } من أصل { $total }
languages-side-by-side = عرض النصوص جنباً إلى جنب
languages-left = العمود الأول
languages-right = العمود الثاني
languages-show = عرض
languages-status-missing = لم تُترجم بعد
languages-upload = تقديم ترجمة
languages-upload-help = ملف DOCX أو Markdown منسق على غرار الأصل: يُطابَق كل عنوان وكل فقرة بالمُعرِّف ({"{"}#id{"}"}، كما في ملف Markdown المصدَّر)، وإلا فبالرقم. ويحل الملف محل النص الموجود بهذه اللغة.
languages-upload-button = حفظ الترجمة

## Taking a vote
adoption-voting = التصويت جارٍ
adoption-voting-lead = يجري التصويت الآن. عدد الدول الأعضاء التي صوّتت: { $cast } من أصل { $members }. وتُحدَّث الخريطة والجدول أدناه أولاً بأول مع الإدلاء بالأصوات.
adoption-vote-for = تصويت { $state }
adoption-close-vote = إقفال باب التصويت
adoption-close-help = تُسجَّل الدول الأعضاء التي لم تصوّت على أنها غير مصوتة؛ ثم تُحسب المجاميع وتُحدَّد النتيجة.
adoption-link-statement = بيان أُدلي به في الجلسة
adoption-link-kind = يُربط بوصفه
adoption-link-button = ربط البيان
adoption-record = تسجيل اعتماد
adoption-version-number = رقم الصيغة
adoption-vote-open = يجري التصويت في Accord: يُدلي كل وفد بصوته (اترك المجاميع فارغة)
adoption-record-button = تسجيل الاعتماد
vote-not-yet = لم يصوّت بعد

## Making pledges
pledge-make = تقديم تعهد
pledge-actor = الجهة المتعهِّدة
pledge-made-on = التاريخ
pledge-status = الحالة
pledge-meeting = أُعلن عنه في
pledge-title = العنوان
pledge-description = مضمون التعهد
pledge-make-button = تسجيل التعهد
pledge-report = الإبلاغ عن التقدم المحرز
pledge-reported-on = تاريخ التقرير
pledge-report-text = التقدم المحرز
pledge-report-button = تسجيل التقرير

# The process bar (every page of a process)
process-bar = أقسام { $title }
process-bar-current-phase = المرحلة الحالية
process-bar-follow-up = المتابعة

# The amendment page of a paragraph
amend-this = اقتراح تعديل
amend-page-title = تعديل { $num }
amend-current = النص بصيغته الحالية
amend-what = ما الذي تريد تغييره؟
amend-op-revise = تغيير الصياغة
amend-op-add = إضافة فقرة بعد هذه الفقرة
amend-op-move = نقل هذه الفقرة
amend-op-delete_node = حذف هذه الفقرة
amend-revised = الفقرة بالصيغة التي تقترحها
amend-revised-help = عدّل النص في المربع. يظهر ما تحذفه مشطوبًا وما تضيفه مسطّرًا؛ ويُقدَّم التغيير تعديلًا واحدًا متتبَّعًا.
amend-new-text = نص الفقرة الجديدة
amend-move-after = نقلها إلى ما بعد
amend-delete-note = ستُحذف الفقرة كلها مع فقراتها الفرعية.
amend-co-sponsors-help = تُدرج كل دولة تسمّيها مقدِّمةً مشارِكة بعد أن يؤكد وفدها ذلك. اكتب رمزها (MEX) أو اخترها من القائمة.
amend-preview = معاينة التعديلات
amend-preview-title = معاينة: الفقرة بعد التعديل
amend-preview-added = فقرة جديدة
amend-preview-moved = تنتقل الفقرة إلى ما بعد { $num }.
amend-preview-help = لم يُقدَّم شيء بعد. صحّح الاستمارة أدناه عند الحاجة، ثم قدّم التعديل.
amend-not-latest = حلّت محلّ هذه الصيغة صيغةٌ أحدث: تُقدَّم التعديلات على أحدث صيغة.
amend-go-latest = الانتقال إلى المشروع
amend-not-negotiating = تُقدَّم التعديلات أثناء التفاوض؛ والعملية ليست الآن في مرحلة التفاوض.
amend-not-allowed = يقدّم التعديلاتِ وفدُ دولةٍ أو المتحدثُ المعيَّن باسم مجموعة.

# One-click actions on a proposal in the compilation
compilation-act = إجراء
act-support = تأييد
act-object = اعتراض
act-withdraw = سحب
act-accept = قبول
act-reject = رفض
## من قال ماذا (صفحة الجهة الفاعلة)، صفحات الوثائق
actor-record-title = ما قاله وما فعله
actor-record-none = لا يوجد في السجل ما يمكنك الاطلاع عليه.
actor-record-statements = البيانات
actor-record-amendments = التعديلات
actor-record-positions = المواقف من التعديلات
actor-record-ballots = الأصوات المسجلة
actor-record-explanations = تعليلات التصويت والبيانات بشأن الاعتماد
actor-record-pledges = التعهدات
actor-record-amendment = التعديل { $number } على { $version }
actor-role-proposer = مقدم التعديل
actor-role-co_sponsor = مشارك في تقديمه
actor-role-named_co_sponsor = سُمّي مشاركاً في التقديم ولم يؤكد بعد
actor-former-members = الأعضاء السابقون
actor-membership-since = منذ { $date }
actor-membership-until = حتى { $date }
actor-membership-from-to = من { $from } إلى { $to }
search-kind-actor = جهة فاعلة
search-kind-meeting = اجتماع
document-page-files = الملفات
document-page-no-files = لم يُرفع أي ملف لهذه الوثيقة.
document-file-type = النوع
document-file-size = الحجم
document-file-download = تنزيل
document-text-show = عرض النص
document-distribution = التوزيع
document-embargo = محظور النشر حتى
document-official-record = الوثيقة الرسمية
document-official-record-link = فتح { $symbol } في نظام الوثائق الرسمية
manage-process-record-resolver = الوثيقة الرسمية حسب الرمز: عنوان https:// يحل فيه {"{"}symbol{"}"} محل رمز الوثيقة (فارغ: خدمة الأمم المتحدة)
# The secretariat's desk: meetings changed, confirmations
meeting-cancelled = أُلغي
meeting-history = سجل التغييرات
meeting-history-edited = عُدّل
meeting-history-postponed = أُرجئ من { $before } إلى { $after }
meeting-history-rescheduled = أُعيدت جدولته من { $before } إلى { $after }
meeting-history-cancelled = أُلغي
meeting-history-reason = السبب:
meeting-history-by = بواسطة { $name }، { $date }
meeting-field-title = العنوان
meeting-field-start_date = تاريخ البدء
meeting-field-end_date = تاريخ الانتهاء
meeting-field-venue = المكان
meeting-field-agenda = جدول الأعمال
meeting-field-note = ملاحظة
meeting-field-status = الحالة
desk-meeting-title = تغيير الاجتماع
desk-meeting-intro = عدّل هذا الاجتماع أو أرجئه أو ألغه. يُحفظ كل تغيير في سجل الاجتماع وفي سجل التدقيق.
desk-meeting-link = تعديل أو إرجاء أو إلغاء
desk-meeting-cancelled-no-change = أُلغي هذا الاجتماع: لا يمكن تعديله أو تغيير موعده إلا بعد إعادة تثبيته.
desk-meeting-edit = تعديل الاجتماع
desk-meeting-save = حفظ التغييرات
desk-reason-optional = السبب (اختياري)
desk-reason = السبب
desk-meeting-postpone = إرجاء الاجتماع أو إعادة جدولته
desk-meeting-postpone-intro = أدخل التواريخ الجديدة والسبب. تُسجَّل التواريخ اللاحقة إرجاءً، والتواريخ السابقة إعادةَ جدولة.
desk-new-start = تاريخ البدء الجديد
desk-new-end = تاريخ الانتهاء الجديد
desk-meeting-postpone-button = نقل الاجتماع
desk-meeting-cancel = إلغاء الاجتماع
desk-meeting-cancel-intro = يبقى الاجتماع في القائمة، موسومًا بأنه ملغى، مع ذكر السبب.
desk-meeting-cancel-button = إلغاء الاجتماع
done-meeting-edited = عُدّل الاجتماع.
done-meeting-postponed = أُرجئ الاجتماع.
done-meeting-rescheduled = أُعيدت جدولة الاجتماع.
done-meeting-cancelled = أُلغي الاجتماع.
meeting-history-reinstated = أُعيد تثبيته
meeting-field-title_translations = ترجمات العنوان
desk-meeting-reinstate = إعادة تثبيت الاجتماع
desk-meeting-reinstate-intro = سيُعقد الاجتماع في نهاية المطاف في مواعيده المقررة. اذكر السبب: فهو يُحفظ في سجل تغييرات الاجتماع.
desk-meeting-reinstate-button = إعادة تثبيت الاجتماع
done-meeting-reinstated = أُعيد تثبيت الاجتماع.
record-history-edited = عُدّل
record-history-withdrawn = سُحب
document-field-symbol = الرمز
document-field-title = العنوان
document-field-kind = النوع
document-field-date = التاريخ
document-field-languages = اللغات
document-field-distribution = التوزيع
document-field-embargo_until = الحظر
document-field-meeting = الاجتماع
document-field-status = الحالة
document-withdrawn = مسحوبة
desk-document-title = تغيير الوثيقة
desk-document-intro = عدّل بيانات هذه الوثيقة أو اسحبها. يُحفظ كل تغيير في سجل تغييرات الوثيقة وفي سجل المراجعة.
desk-document-link = تعديل أو سحب
desk-document-edit = تعديل البيانات
desk-document-save = حفظ التغييرات
desk-document-withdraw = سحب الوثيقة
desk-document-withdraw-intro = تظل الوثيقة المسحوبة متاحة للاطلاع في عنوانها، مع الإشارة إلى سحبها وسببه، ولا تعود تُدرج في القوائم.
desk-document-withdraw-button = سحب الوثيقة
done-document-edited = عُدّلت الوثيقة.
done-document-withdrawn = سُحبت الوثيقة.
theme-withdrawn = مسحوب
theme-field-title = العنوان
theme-field-number = الرقم
theme-field-status = الحالة
desk-theme-title = تعديل الموضوع
desk-theme-intro = عدّل عنوان هذا الموضوع ورقمه أو اسحبه. يبقى رمزه وتصنيفه كما هما. يُحفظ كل تغيير في سجل الموضوع وفي سجل المراجعة.
desk-theme-link = تعديل أو سحب
desk-theme-edit = تعديل الموضوع
desk-theme-save = حفظ التغييرات
desk-theme-withdraw = سحب الموضوع
desk-theme-withdraw-intro = لا يمكن تصنيف أي شيء جديد تحت موضوع مسحوب، ولا يُعرض بعد ذلك للاختيار. ويحتفظ ما صُنّف تحته به، مع الإشارة إلى أنه مسحوب.
desk-theme-withdraw-button = سحب الموضوع
done-theme-edited = عُدّل الموضوع.
done-theme-withdrawn = سُحب الموضوع.
done-consultation-opened = فُتح باب تقديم المساهمات.
done-consultation-closed = أُغلق باب تقديم المساهمات.
done-consultation-extended = مُدّد موعد إغلاق باب تقديم المساهمات.
done-adoption-recorded = سُجّل الاعتماد.

# The secretariat's desk: calls for inputs
calls-title = الدعوات إلى تقديم المساهمات
calls-intro = الدعوات إلى تقديم مساهمات مكتوبة في هذه العملية: المفتوحة الآن، والمقبلة، والمغلقة.
calls-open = مفتوحة
calls-upcoming = مقبلة
calls-closed = مغلقة
calls-opens = تُفتح في { $at } بالتوقيت العالمي
calls-closes = وتُغلق في { $at } بالتوقيت العالمي
calls-closed-at = أُغلقت في { $at } بالتوقيت العالمي
calls-no-end = لم يُحدَّد موعد للإغلاق
calls-closed-reason = أُغلقت قبل موعدها، والسبب:
calls-close-now = الإغلاق الآن
calls-new-closing = موعد الإغلاق الجديد (بالتوقيت العالمي)
calls-extend = التمديد
calls-none = لا شيء.
calls-open-new = فتح دعوة إلى تقديم المساهمات
calls-times-utc = التواريخ والأوقات بالتوقيت العالمي المنسق.
calls-description = الوصف
calls-opens-label = الافتتاح (بالتوقيت العالمي)
calls-closes-label = الإغلاق (بالتوقيت العالمي، اختياري)
calls-open-button = فتح الدعوة

# The secretariat's desk: an adoption's ballots from the form
adoption-ballots-title = أصوات الدول المسجلة (اختياري)
adoption-ballots-hint = الصق رموز الدول أو اكتبها لكل تصويت، مفصولة بمسافات أو فواصل أو أسطر جديدة (مثل CZE HUN ISR POL USA). تظهر الدولة غير المذكورة بوصفها «غير مسجلة»، ولا يُخمَّن تصويتها أبدًا.

# The secretariat's desk: what needs attention
attention-title = ما يستدعي الانتباه
attention-applications-in-objection-period = طلبات الاعتماد في فترة عدم الاعتراض
attention-applications-to-decide = طلبات تنتظر قرارًا
attention-applications-referred = طلبات أُحيلت إلى الهيئة المختصة وتنتظر قرارها
attention-pending-uploads = ملفات مرفوعة لا تزال قيد القراءة
attention-open-silences = إجراءات صمت جارية
attention-amendments-awaiting-decision = تعديلات تنتظر قرارًا
attention-running-jobs = مهام قيد التشغيل
attention-failed-jobs = مهام فشلت
# The vote map when the record counts votes it does not name (issue 16, item 7).
vote-unnamed-lead = يورد السجل هذه المجاميع دون أن يذكر أسماء جميع الدول. والدول التي لا يذكرها مظللة بخطوط رمادية بوصفها «غير مسجلة»، أياً كان تصويتها:
vote-unnamed-yes = { $named ->
    [0] { $total } مؤيداً — لم تُذكر أسماؤها في السجل
   *[other] { $total } مؤيداً — { $unnamed } منها لم تُذكر أسماؤها في السجل
}
vote-unnamed-no = { $named ->
    [0] { $total } معارضاً — لم تُذكر أسماؤها في السجل
   *[other] { $total } معارضاً — { $unnamed } منها لم تُذكر أسماؤها في السجل
}
vote-unnamed-abstain = { $named ->
    [0] { $total } ممتنعاً — لم تُذكر أسماؤها في السجل
   *[other] { $total } ممتنعاً — { $unnamed } منها لم تُذكر أسماؤها في السجل
}
vote-unnamed-not-voting = { $named ->
    [0] { $total } لم تشارك في التصويت — لم تُذكر أسماؤها في السجل
   *[other] { $total } لم تشارك في التصويت — { $unnamed } منها لم تُذكر أسماؤها في السجل
}
vote-map-alt = يرد تصويت كل دولة عضو في جدول الدول الأعضاء أسفل الخريطة.

# Process and meeting titles in other languages (issue 16, item 6).
title-translations = العنوان بلغات أخرى
title-translations-help = اختياري: العنوان كما ينبغي أن يراه قراء كل لغة. وإذا تُرك فارغاً، يرون العنوان المذكور أعلاه.
actor-kind-simulated_delegation = وفد محاكى (عرض توضيحي، ليس دولة)
actor-kind-simulated_group = مجموعة محاكاة (عرض توضيحي)
actor-kinds-simulated_delegation = وفود محاكاة
actor-kinds-simulated_group = مجموعات محاكاة
statement-filed-late = قُدّم متأخراً
statement-filed-late-note = أدخلته الأمانة بعد انقضاء المهلة المحددة لتقديم البيانات في الجلسة
adoption-as-it-stands = اعتُمد بصيغته الحالية
adoption-not-agreed-listed = فقرات لم يُتفق عليها عند الاعتماد: { $paragraphs }
adoption-as-it-stands-all-agreed = اتُّفق على جميع الفقرات
adoption-as-it-stands-field = قرر الاجتماع اعتماد النص بصيغته الحالية (تُسجَّل الفقرات غير المتفق عليها مع الاعتماد)
silence-adopted-agreed = عند انقضاء المهلة، وُسمت فقراته بأنها متفق عليها رهن الاستشارة.
silence-ended-at-break = انتهى الإجراء عند كسر الصمت:

# Phases as decisions
phases-title = المراحل والمقررات
phases-intro = لكل مرحلة خطة (تواريخها المقررة) ومقررات الأمانة بشأنها. تظل الخطة سارية ما لم ينص مقرر على خلاف ذلك: فالمرحلة التي تُفتتح أو تُمدَّد أو تُختتم تسير وفق ذلك المقرر.
phases-none = لم تُخطَّط بعدُ أي مرحلة لهذه العملية.
phases-plan = المخطط
phases-fact = المقرر
phases-opened-on = افتُتحت في { $day }
phases-not-opened = لم تُفتتح بمقرر (تسير وفق الخطة)
phases-extended-to = مُدِّدت حتى { $day }
phases-closed-on = اختُتمت في { $day }
phases-runs = المدة الفعلية
phases-history = السجل
phase-change-opened = افتُتحت
phase-change-extended = مُدِّدت
phase-change-closed = اختُتمت
phase-change-replanned = عُدِّلت الخطة
phase-field-start_date = البداية المقررة
phase-field-end_date = النهاية المقررة
phase-field-note = ملاحظة
phase-field-opened_on = تاريخ الافتتاح
phase-field-extended_to = مُدِّدت حتى
phase-field-closed_on = تاريخ الاختتام
phases-none-given = لا شيء
phases-open = افتتاح هذه المرحلة
phases-open-button = افتتاح المرحلة
phases-on = في
phases-extend = تمديد هذه المرحلة
phases-until = اليوم الأخير الجديد
phases-extend-button = تمديد المرحلة
phases-close = اختتام هذه المرحلة
phases-last-day = اليوم الأخير
phases-close-button = اختتام المرحلة
phases-replan = تعديل الخطة
phases-replan-button = حفظ الخطة
phases-link = المراحل والمقررات
done-phase-opened = افتُتحت المرحلة.
done-phase-extended = مُدِّدت المرحلة.
done-phase-closed = اختُتمت المرحلة.
done-phase-replanned = عُدِّلت خطة المرحلة.
statement-spoken-by = ألقاها
text-looks-like = يبدو أن هذا النص مكتوب باللغة { $detected }، لا باللغة { $declared }.
text-two-versions = نسختان باللغة { $language }:
text-version-typed = مكتوبة مباشرة
text-version-file = من الملف { $file }
text-version-stands = النسخة المعروضة: { $version }.
text-version-open = تبقى معروضة إلى أن تختار الأمانة النسخة المعتمدة.
text-version-chosen = اختارها { $by } في { $date }.
text-version-read-other = قراءة النسخة الأخرى ({ $version })
text-choose = أي نسخة من النص باللغة { $language } تُعتمد؟
text-choose-submit = اعتماد هذه النسخة

process-field-title = العنوان
process-field-title_translations = العنوان بلغات أخرى
process-field-description = الوصف
process-field-mandate = الولاية
process-field-languages = اللغات الرسمية
process-field-co_facilitators = الميسّرون المشاركون
process-field-secretariat = الأمانة
process-field-meeting_kinds = أنواع الاجتماعات
process-field-record_resolver = الوثيقة الرسمية
desk-process-title = تصحيح العملية
desk-process-intro = صحّح ما تتضمنه هذه العملية: عنوانها وولايتها ولغاتها والمسؤولين فيها والعنوان الذي توجد فيه الوثيقة الرسمية لوثائقها. يُحفظ كل تغيير في سجل العملية وفي سجل المراجعة.
desk-process-link = تصحيح العملية
desk-process-slug-stays = (لا يتغير العنوان الإلكتروني)
desk-process-save = حفظ التغييرات
done-process-edited = صُحّحت العملية.
# Statements of intention after a vote (issue 17, item 6)
vote-intended-yes = كان ينوي التصويت مؤيدًا
vote-intended-no = كان ينوي التصويت معارضًا
vote-intended-abstain = كان ينوي الامتناع عن التصويت
adoption-intention-title = بيان نية التصويت بعد التصويت
adoption-intention-lead = وفد يعلن بعد التصويت أنه كان ينوي التصويت على نحو مختلف: يُعرض بيانه بجانب صوته المسجل، الذي يبقى كما هو، وكذلك المجاميع.
adoption-intention-state = الدولة العضو
adoption-intention-vote = التصويت المقصود
adoption-intention-button = تسجيل بيان النية

# Presence at a vote (issue 17, item 6)
adoption-present-and-voting = الأعضاء الحاضرون المشتركون في التصويت
adoption-present-and-voting-count = الحاضرون المشتركون في التصويت: { $voting }؛ الأغلبية المطلوبة: { $needed }
adoption-present-count = الحاضرون: { $present }، منهم { $abstaining } ممتنعون (حاضرون غير مشتركين في التصويت)
adoption-present-field = الدول الحاضرة (إن كان المحضر يذكرها)
adoption-present-hint = رموز الدول الأعضاء الحاضرة عند التصويت. يجب أن تكون بينها كل دولة سُجّل تصويتها مؤيدةً أو معارضةً أو ممتنعة؛ والدول الممتنعة حاضرة غير مشتركة في التصويت. اترك الحقل فارغًا إن لم يذكر المحضر ذلك.

# التصويت قبل التصويت على النص ككل: التصويت المنفصل على الفقرات، والتعديلات والتنقيحات الشفوية
before-title = قبل التصويت على النص ككل
before-lead = تصويت منفصل على فقرات وتعديلات أو تنقيحات شفوية، مسجلة في الجلسة قبل طرح النص للتصويت ككل. الفقرة التي لا يُبقى عليها تُحذف من النص.
before-none = لم يُسجَّل أي تصويت منفصل أو تغيير شفوي في هذه الجلسة.
before-paragraph-vote = الفقرة { $paragraph } (بناءً على طلب { $requested_by }): { $result }، { $yes }–{ $no }–{ $abstain }
before-oral_amendment = تعديل شفوي قدّمه { $moved_by } على الفقرة { $paragraph }: { $outcome }
before-oral_revision = تنقيح شفوي قدّمه { $moved_by } على الفقرة { $paragraph }: { $outcome }
before-vote-totals = طُرح للتصويت، { $yes }–{ $no }–{ $abstain }
before-not-voting = لم يصوّت: { $count }
paragraph-vote-retained = أُبقي عليها
paragraph-vote-deleted = حُذفت
oral-outcome-accepted = قُبل
oral-outcome-rejected = رُفض
oral-outcome-withdrawn = سُحب
oral-kind-oral_amendment = تعديل شفوي
oral-kind-oral_revision = تنقيح شفوي
adoption-deleted = حُذفت بتصويت منفصل
adoption-deleted-listed = فقرات حُذفت من النص بصيغته المعتمدة: { $paragraphs }
adoption-deleted-mark = حُذفت بتصويت منفصل
adoption-desk-title = التصويت المنفصل والتغييرات الشفوية
adoption-desk-link = التصويت المنفصل والتغييرات الشفوية في جلسة
before-paragraph-field = الفقرة (الرقم أو eId أو wId)
before-requested-by-field = بناءً على طلب (رمز الدولة أو المجموعة)
before-moved-by-field = مقدَّم من (رمز الدولة أو المجموعة)
paragraph-vote-form-title = تسجيل تصويت منفصل على فقرة
paragraph-vote-button = تسجيل التصويت المنفصل
oral-change-form-title = تسجيل تعديل شفوي أو تنقيح شفوي
oral-change-kind-field = النوع
oral-change-text-field = كما تُلي
oral-change-outcome-field = النتيجة (إن لم يُطرح للتصويت)
oral-change-vote-legend = التصويت، إن طُرح للتصويت (تترتب النتيجة عليه)
oral-change-button = تسجيل التغيير الشفوي
done-paragraph-vote-recorded = سُجّل التصويت المنفصل.
done-oral-change-recorded = سُجّل التغيير الشفوي.
