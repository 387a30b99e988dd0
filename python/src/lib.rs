//! The native half of the Python package `ocrmend` (`ocrmend._ocrmend`): the pipeline,
//! the renderings and the scores, exchanging the JSON contract as text. The Python half
//! (`python/ocrmend/__init__.py`) turns that text into dicts and back, so a dict is
//! exactly the CLI's JSON.
#![deny(missing_docs)]

use ocrmend::{Document, ErrorKind, Lang, Options, Provenance};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

create_exception!(_ocrmend, Error, PyException, "An input ocrmend refuses.");
create_exception!(
    _ocrmend,
    NotText,
    Error,
    "The bytes are not text: a PDF, an image, or mostly control codes."
);
create_exception!(
    _ocrmend,
    TooLarge,
    Error,
    "The input is larger than the size limit."
);

/// A document's text or bytes, as the caller gave it.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn of(value: &Bound<'_, PyAny>) -> PyResult<Input> {
        if value.is_instance_of::<PyString>() {
            Ok(Input::Text(value.extract()?))
        } else if let Ok(b) = value.cast::<PyBytes>() {
            Ok(Input::Bytes(b.as_bytes().to_vec()))
        } else {
            Err(PyValueError::new_err(format!(
                "a document is str or bytes, not {}",
                value.get_type().name()?
            )))
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Input::Text(s) => s.as_bytes(),
            Input::Bytes(b) => b,
        }
    }
}

/// The pipeline's options from the keyword arguments.
fn options(lang: Option<&str>, min_confidence: Option<f64>, repair: bool) -> PyResult<Options> {
    let lang = match lang {
        None | Some("auto") => None,
        Some(code) => Some(Lang::from_code(code).ok_or_else(|| {
            PyValueError::new_err(format!("lang {code:?}: one of fr, es, en or auto"))
        })?),
    };
    let mut options = Options {
        lang,
        repair,
        ..Options::default()
    };
    if let Some(c) = min_confidence {
        if !(0.0..=1.0).contains(&c) {
            return Err(PyValueError::new_err("min_confidence is between 0 and 1"));
        }
        options.min_confidence = c;
    }
    Ok(options)
}

/// One input through the pipeline, as the contract's JSON, or why it was refused.
fn clean_json(input: &Input, name: &str, options: &Options) -> Result<String, ocrmend::Error> {
    let mut cleaned = ocrmend::clean(input.bytes(), options)?;
    cleaned.document.source.path = name.to_owned();
    Ok(serde_json::to_string(&cleaned.document).expect("the document serialises"))
}

fn refused(e: ocrmend::Error) -> PyErr {
    match e.kind() {
        ErrorKind::NotText => NotText::new_err(e.to_string()),
        ErrorKind::TooLarge => TooLarge::new_err(e.to_string()),
        _ => Error::new_err(e.to_string()),
    }
}

/// `clean_json(data, name, lang, min_confidence, repair) -> str`: one document as
/// the contract's JSON text.
#[pyfunction]
#[pyo3(signature = (data, name, lang=None, min_confidence=None, repair=true))]
fn clean_json_text(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    name: &str,
    lang: Option<&str>,
    min_confidence: Option<f64>,
    repair: bool,
) -> PyResult<String> {
    let input = Input::of(data)?;
    let options = options(lang, min_confidence, repair)?;
    py.detach(|| clean_json(&input, name, &options))
        .map_err(refused)
}

/// `clean_json_batch(datas, threads, lang, min_confidence, repair) -> list`: documents
/// cleaned in parallel without the GIL, in their order; each a JSON text, or the
/// exception that refused it.
#[pyfunction]
#[pyo3(signature = (datas, threads, lang=None, min_confidence=None, repair=true))]
fn clean_json_batch(
    py: Python<'_>,
    datas: Vec<Bound<'_, PyAny>>,
    threads: usize,
    lang: Option<&str>,
    min_confidence: Option<f64>,
    repair: bool,
) -> PyResult<Vec<Py<PyAny>>> {
    let inputs = datas.iter().map(Input::of).collect::<PyResult<Vec<_>>>()?;
    let options = options(lang, min_confidence, repair)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {threads} threads: {e}")))?;
    let results: Vec<Result<String, ocrmend::Error>> = py.detach(|| {
        pool.install(|| {
            inputs
                .par_iter()
                .map(|input| clean_json(input, "-", &options))
                .collect()
        })
    });
    results
        .into_iter()
        .map(|r| match r {
            Ok(json) => Ok(json.into_pyobject(py)?.into_any().unbind()),
            Err(e) => Ok(refused(e).into_value(py).into_any()),
        })
        .collect()
}

fn document(json: &str) -> PyResult<Document> {
    serde_json::from_str(json)
        .map_err(|e| PyValueError::new_err(format!("not a document of the contract: {e}")))
}

/// `render(json, format, provenance) -> str`: a document as `text`, `markdown`,
/// `gold` or `akn`.
#[pyfunction]
#[pyo3(signature = (json, format, provenance=true))]
fn render(json: &str, format: &str, provenance: bool) -> PyResult<String> {
    let doc = document(json)?;
    Ok(match format {
        "text" => doc.to_text(),
        "markdown" => doc.to_markdown(),
        "gold" => doc.to_gold(),
        "akn" => doc.to_akn(if provenance {
            Provenance::Kept
        } else {
            Provenance::Dropped
        }),
        other => return Err(PyValueError::new_err(format!("no format {other:?}"))),
    })
}

/// `score_json(gold, result, ocr) -> str`: the scores of a result (the contract's
/// JSON text) against a gold file's text, as JSON text.
#[pyfunction]
#[pyo3(signature = (gold, result, ocr=None))]
fn score_json(gold: &str, result: &str, ocr: Option<&str>) -> PyResult<String> {
    let scores = ocrmend_eval::score::score(gold, ocrmend_eval::score::Output::Json(result), ocr)
        .map_err(PyValueError::new_err)?;
    Ok(scores.to_json().to_string())
}

/// The module `ocrmend._ocrmend`.
#[pymodule]
fn _ocrmend(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("NotText", m.py().get_type::<NotText>())?;
    m.add("TooLarge", m.py().get_type::<TooLarge>())?;
    m.add_function(wrap_pyfunction!(clean_json_text, m)?)?;
    m.add_function(wrap_pyfunction!(clean_json_batch, m)?)?;
    m.add_function(wrap_pyfunction!(render, m)?)?;
    m.add_function(wrap_pyfunction!(score_json, m)?)?;
    Ok(())
}
