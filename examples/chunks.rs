//! Debug view: the chunks of a document with page, zone and width.
fn main() {
    let path = std::env::args().nth(1).expect("usage: chunks FILE");
    let bytes = std::fs::read(&path).unwrap();
    let d = ocrmend::decode::decode(&bytes).expect("the input is text");
    let p = ocrmend::pages::paginate(&d.text);
    let lang = ocrmend::language::detect(&d.text);
    let l = ocrmend::layout::lay_out(&d.text, &p, lang.map(ocrmend::lexicon::Lexicon::get));
    println!("body width {}", l.body_width);
    for (i, c) in l.chunks.iter().enumerate() {
        let t: String = c.text.as_str().chars().take(70).collect();
        println!(
            "{i:3} p{:<2} {:?} wide={} rs={} lines={} | {t}",
            c.page,
            c.zone,
            c.wide as u8,
            c.region_start as u8,
            c.lines.len()
        );
    }
}
