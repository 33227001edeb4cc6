// A one-function HTTP/1.1 server on 127.0.0.1 for the README's and the
// crate docs' client snippets, so that they run as written with no network:
// `include!`d by their hidden lines (`# include!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/loopback.rs"));`).

/// Serves `answers` (whole HTTP/1.1 responses) in turn, one per
/// connection, each after reading the request's head and body; returns the
/// server's URL.
#[allow(dead_code)]
fn serve(answers: &'static [&'static str]) -> String {
    use std::io::{BufRead, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let url = format!("http://{}/", listener.local_addr().expect("its address"));
    std::thread::spawn(move || {
        for answer in answers {
            let Ok((stream, _)) = listener.accept() else { return };
            let mut reader = std::io::BufReader::new(&stream);
            let (mut line, mut length) = (String::new(), 0);
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
            }
            let _ = reader.read_exact(&mut vec![0; length]);
            let _ = (&stream).write_all(answer.as_bytes());
        }
    });
    url
}
