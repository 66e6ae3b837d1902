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
