//! The standard wording of UN mastheads in each language: the Organization's and
//! organs' names, language names, months, the session, agenda and subtitle nouns.

use crate::language::Lang;

pub(super) const UN_NAMES: &[(&str, Lang)] = &[
    ("Nations Unies", Lang::Fr),
    ("Naciones Unidas", Lang::Es),
    ("United Nations", Lang::En),
];

pub(super) const ORGANS: &[(&str, Lang)] = &[
    ("Assemblée générale", Lang::Fr),
    ("Conseil de sécurité", Lang::Fr),
    ("Conseil économique et social", Lang::Fr),
    ("Conseil des droits de l’homme", Lang::Fr),
    ("Conseil de tutelle", Lang::Fr),
    ("Asamblea General", Lang::Es),
    ("Consejo de Seguridad", Lang::Es),
    ("Consejo Económico y Social", Lang::Es),
    ("Consejo de Derechos Humanos", Lang::Es),
    ("Consejo de Administración Fiduciaria", Lang::Es),
    ("General Assembly", Lang::En),
    ("Security Council", Lang::En),
    ("Economic and Social Council", Lang::En),
    ("Human Rights Council", Lang::En),
    ("Trusteeship Council", Lang::En),
];

/// The language line names the document's own language.
pub(super) const LANGUAGE_NAMES: &[(&str, Lang)] = &[
    ("Français", Lang::Fr),
    ("Español", Lang::Es),
    ("English", Lang::En),
];

/// The values of a `Distr.` field, as each masthead language spells them.
pub(super) const DISTRIBUTIONS: &[(&str, Lang)] = &[
    ("General", Lang::En),
    ("Limited", Lang::En),
    ("Restricted", Lang::En),
    ("générale", Lang::Fr),
    ("limitée", Lang::Fr),
    ("restreinte", Lang::Fr),
    ("general", Lang::Es),
    ("limitada", Lang::Es),
    ("reservada", Lang::Es),
];

/// The languages an `Original` line names: the six official languages (and German,
/// which the Organization also translates into) in each masthead language.
#[rustfmt::skip]
pub(super) const ORIGINAL_LANGUAGES: &[(Lang, [&str; 7])] = &[
    (Lang::Fr, ["anglais", "français", "espagnol", "arabe", "chinois", "russe", "allemand"]),
    (Lang::Es, ["inglés", "francés", "español", "árabe", "chino", "ruso", "alemán"]),
    (Lang::En, ["English", "French", "Spanish", "Arabic", "Chinese", "Russian", "German"]),
];

#[rustfmt::skip]
pub(super) const MONTHS: &[(Lang, [&str; 12])] = &[
    (
        Lang::Fr,
        [
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre",
        ],
    ),
    (
        Lang::Es,
        [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre",
        ],
    ),
    (
        Lang::En,
        [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ],
    ),
];

pub(super) const SESSION_NOUNS: &[&str] = &["período de sesiones", "session"];

/// At most this many words (ordinals, "Resumed", "Reprise de la") before the session noun.
pub(super) const MAX_SESSION_QUALIFIERS: usize = 6;

/// Words that open an agenda line, before the item number.
pub(super) const AGENDA_KEYWORDS: &[(&str, Lang)] = &[
    ("Agenda items", Lang::En),
    ("Agenda item", Lang::En),
    ("Items", Lang::En),
    ("Item", Lang::En),
    ("Points", Lang::Fr),
    ("Point", Lang::Fr),
    ("Temas", Lang::Es),
    ("Tema", Lang::Es),
];

/// One of these (folded) must occur on an agenda line: it tells `Item 5 of the agenda`
/// from a line that merely starts with `Point 5`.
pub(super) const AGENDA_NOUNS: &[(&str, Lang)] = &[
    ("agenda", Lang::En),
    ("ordre du jour", Lang::Fr),
    ("programa", Lang::Es),
    ("orden del dia", Lang::Es),
    ("lista", Lang::Es),
];

/// A subtitle opens with one of these nouns followed by one of the links:
/// `Rapport du`, `Report of the`, `Note by the`, `Informe del`, `Nota de la`.
pub(super) const SUBTITLE_NOUNS: &[&str] = &["Report", "Rapport", "Informe", "Note", "Nota"];
pub(super) const SUBTITLE_LINKS: &[&str] = &["of", "by", "du", "de", "des", "del"];

/// Who a subtitle names as the author, as the Organization spells them: the words after
/// the noun and its link (`Nota de la Secretaría`, `Report of the Secretary-General`).
#[rustfmt::skip]
pub(super) const SUBTITLE_AUTHORS: &[&str] = &[
    "Secretary-General", "Secretariat", "Executive Director", "Director-General",
    "High Commissioner", "Administrator",
    "Secrétaire général", "Secrétariat", "Directeur exécutif", "Directrice exécutive",
    "Directeur général", "Haut-Commissaire", "Administrateur",
    "Secretario General", "Secretaría", "Director Ejecutivo", "Directora Ejecutiva",
    "Director General", "Alto Comisionado", "Administrador",
];

/// How many non-blank lines past an unrecognised line the header may still go on: a
/// damaged field (`Disir. générale`) or a speck must not cut the masthead short.
pub(super) const HEADER_LOOKAHEAD: usize = 3;

/// Short stray lines (a numeral the OCR lifted off the page, a speck: `II.`, `VAN`) that
/// may stand above the masthead's first field line, and how long such a line may be.
pub(super) const LEADING_STRAYS: usize = 2;
pub(super) const STRAY_CHARS: usize = 12;

/// A title without a subtitle after it is taken only if it is no longer than this;
/// a longer block is the text itself.
pub(super) const MAX_TITLE_LINES: usize = 6;

/// How many lines below the header tell whether the OCR set the fields off by blank
/// lines: a wrapped agenda title takes two, so three without a blank mean none.
pub(super) const FIELD_RUN: usize = 3;

/// How long a speck after a field line's fields may be.
pub(super) const EDGE_SPECK_CHARS: usize = 2;

/// How many words of a damaged field (`23 de palta de 2021`, `DS de noviembre de
/// 2024`) may follow an organ's name on its line.
pub(super) const MAX_DAMAGED_FIELD_WORDS: usize = 5;

/// Specks (of up to three characters, a letter or digit among them) that may stand
/// before a field line's fields: the OCR reads the emblem beside the fields as one to
/// three short words (`A A 3 Distr. General`, `4 L4 LA Distr. limitée`). Specks with
/// no letter or digit are skipped whatever their number.
pub(super) const MAX_EMBLEM_SPECKS: usize = 3;
