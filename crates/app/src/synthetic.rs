//! Synthetic inputs for trying Accord at scale: generated from a seed, in
//! the six UN languages, always marked synthetic (and shown so wherever they
//! appear). They are sent by invented organisations "from" states, never
//! attributed to a state or a real person.

use crate::policy::Principal;
use crate::{App, AppError, Result};
use accord_domain::{Consultation, Language, NewInput, Slug};

/// The call for inputs the generated inputs are sent to.
pub const SYNTHETIC_CONSULTATION: &str = "synthetic-inputs";

/// A small, fast, seedable generator (SplitMix64): the same seed gives the
/// same inputs on every machine.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Sentences about migration governance per language, from which inputs
/// are put together.
pub fn sentences(language: Language) -> &'static [&'static str] {
    match language {
        Language::En => &[
            "Migrants must have access to basic services, whatever their status.",
            "States should protect the rights of migrant workers and their families.",
            "We recommend regular pathways for labour migration.",
            "Children on the move need protection, education and family unity.",
            "Recruitment fees charged to workers should be abolished.",
            "Reliable data on migration helps make better policies.",
            "Remittances should be cheaper, safer and faster to send.",
            "Detention of migrants should be a measure of last resort.",
            "Local authorities need resources to include newcomers.",
            "Cooperation on return and reintegration must respect human rights.",
        ],
        Language::Fr => &[
            "Les migrants doivent avoir accès aux services de base, quel que soit leur statut.",
            "Les États devraient protéger les droits des travailleurs migrants et de leurs familles.",
            "Nous recommandons des voies régulières pour la migration de travail.",
            "Les enfants migrants ont besoin de protection, d'éducation et de l'unité familiale.",
            "Les frais de recrutement imposés aux travailleurs devraient être abolis.",
            "Des données fiables sur les migrations permettent de meilleures politiques.",
            "Les envois de fonds devraient être moins chers, plus sûrs et plus rapides.",
            "La détention des migrants ne devrait être qu'une mesure de dernier recours.",
        ],
        Language::Es => &[
            "Los migrantes deben tener acceso a los servicios básicos, cualquiera que sea su situación.",
            "Los Estados deberían proteger los derechos de los trabajadores migrantes y sus familias.",
            "Recomendamos vías regulares para la migración laboral.",
            "Los niños migrantes necesitan protección, educación y unidad familiar.",
            "Deberían abolirse las comisiones de contratación cobradas a los trabajadores.",
            "Los datos fiables sobre la migración ayudan a mejorar las políticas.",
            "Las remesas deberían ser más baratas, seguras y rápidas.",
            "La detención de migrantes debería ser una medida de último recurso.",
        ],
        Language::Ru => &[
            "Мигранты должны иметь доступ к основным услугам независимо от их статуса.",
            "Государствам следует защищать права трудящихся-мигрантов и членов их семей.",
            "Мы рекомендуем создать законные пути для трудовой миграции.",
            "Детям-мигрантам необходимы защита, образование и единство семьи.",
            "Сборы за наём, взимаемые с работников, следует отменить.",
            "Надёжные данные о миграции помогают улучшить политику.",
            "Денежные переводы должны быть дешевле, надёжнее и быстрее.",
        ],
        Language::Ar => &[
            "يجب أن يحصل المهاجرون على الخدمات الأساسية أياً كان وضعهم.",
            "ينبغي للدول أن تحمي حقوق العمال المهاجرين وأسرهم.",
            "نوصي بإتاحة مسارات نظامية لهجرة اليد العاملة.",
            "يحتاج الأطفال المهاجرون إلى الحماية والتعليم ولمّ شمل الأسرة.",
            "ينبغي إلغاء رسوم التوظيف التي يدفعها العمال.",
            "تساعد البيانات الموثوقة عن الهجرة على وضع سياسات أفضل.",
            "ينبغي أن تكون التحويلات المالية أرخص وأكثر أماناً وأسرع.",
        ],
        Language::Zh => &[
            "无论移民身份如何，都应获得基本服务。",
            "各国应保护移民工人及其家庭成员的权利。",
            "我们建议为劳务移民开辟正常渠道。",
            "移民儿童需要保护、教育和家庭团聚。",
            "应当废除向工人收取的招聘费用。",
            "可靠的移民数据有助于制定更好的政策。",
            "汇款应当更便宜、更安全、更快捷。",
        ],
    }
}

/// Member states the invented senders write from (a spread of regions).
const COUNTRIES: &[&str] = &[
    "MEX", "CHE", "MAR", "PHL", "NGA", "DEU", "BRA", "IND", "EGY", "CHN", "RUS", "FRA", "ESP",
    "ARG", "SEN", "BGD", "CAN", "JOR", "KEN", "IDN",
];

/// One generated input (not yet stored): the i-th of the seed.
pub fn synthetic_input(process: &Slug, seed: u64, i: u64) -> NewInput {
    let mut rng = SplitMix::new(seed ^ i.wrapping_mul(0xA24B_AED4_963E_E407));
    let language = *rng.pick(Language::ALL);
    let pool = sentences(language);
    let n = 2 + rng.below(4);
    let separator = if language == Language::Zh { "" } else { " " };
    let text = (0..n)
        .map(|_| *rng.pick(pool))
        .collect::<Vec<_>>()
        .join(separator);
    NewInput {
        process: process.clone(),
        consultation: SYNTHETIC_CONSULTATION.parse().expect("a valid slug"),
        author: None,
        organisation: Some(format!("Synthetic organisation {}", 1 + rng.below(500))),
        country: Some(rng.pick(COUNTRIES).parse().expect("a valid code")),
        language: Some(language),
        text,
        external_id: Some(format!("synthetic-{seed}-{i}")),
        synthetic: true,
    }
}

/// What a generation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticReport {
    pub inputs: u64,
    pub consultation: String,
}

impl App {
    /// Generates `n` synthetic inputs from `seed` into the process's
    /// synthetic call for inputs (made if missing). Running it again with
    /// the same seed changes nothing.
    pub async fn generate_synthetic_inputs(
        &self,
        process: &str,
        n: u64,
        seed: u64,
    ) -> Result<SyntheticReport> {
        let system = Principal::System("synthetic data generator");
        let slug = self.existing_process(process).await?;
        let exists = self
            .consultations(process)
            .await?
            .iter()
            .any(|c| c.slug.as_str() == SYNTHETIC_CONSULTATION);
        if !exists {
            self.open_consultation(
                &system,
                Consultation {
                    process: slug.clone(),
                    slug: SYNTHETIC_CONSULTATION.parse().expect("a valid slug"),
                    title: "Synthetic inputs (generated test data)".into(),
                    description: "Inputs generated by `accord demo synthetic` to try Accord at scale. None of them was written by a person.".into(),
                    opens_at: self.now(),
                    closes_at: None,
                    synthetic: true,
                },
            )
            .await?;
        }
        for i in 0..n {
            self.submit_input(&system, synthetic_input(&slug, seed, i), "generator")
                .await
                .map_err(|e| AppError::Internal(format!("synthetic input {i}: {e}")))?;
        }
        Ok(SyntheticReport {
            inputs: n,
            consultation: SYNTHETIC_CONSULTATION.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_inputs_in_six_languages() {
        let gcm: Slug = "gcm".parse().unwrap();
        let a: Vec<_> = (0..200).map(|i| synthetic_input(&gcm, 7, i)).collect();
        let b: Vec<_> = (0..200).map(|i| synthetic_input(&gcm, 7, i)).collect();
        assert_eq!(a, b);
        assert_ne!(
            a,
            (0..200)
                .map(|i| synthetic_input(&gcm, 8, i))
                .collect::<Vec<_>>()
        );
        for l in Language::ALL {
            assert!(a.iter().any(|x| x.language == Some(*l)), "{l}");
        }
        assert!(a.iter().all(|x| x.synthetic && x.validate().is_ok()));
        // Detection agrees with the language each was written in.
        let agree = a
            .iter()
            .filter(|x| accord_ingest::detect_language(&x.text).map(|d| d.language) == x.language)
            .count();
        assert!(agree >= 190, "{agree} of 200");
    }
}
