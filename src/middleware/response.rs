//! [`from_response`]: a `reqwest::Response` read as it streams.

use reqwest::Response;

use crate::{Options, ParseError, Report};

/// Reads a `reqwest::Response`: its status and headers added to `opts`, its
/// body streamed to the parser as it arrives (the memory bound of
/// [`from_async_reader`](crate::from_async_reader), not the body's
/// length). One call instead of a `StreamReader`, an error adapter and the
/// status and headers copied by hand.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let url = serve_once("503 Service Unavailable", "Retry-After: 7\r\n", r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>Down for maintenance</faultstring></s:Fault></s:Body></s:Envelope>"#).await;
/// use vendor_errors::{Options, RetryClass};
///
/// let response = reqwest::get(&url).await?;
/// let report = vendor_errors::middleware::from_response(response, &Options::new()).await?;
/// let retry = report.retry().unwrap();
/// assert_eq!((retry.class(), retry.after_secs()), (RetryClass::Transient, Some(7)));
/// assert_eq!(report.errors[0].message, "Down for maintenance");
/// # Ok(()) }
/// # async fn serve_once(status: &'static str, headers: &'static str, body: &'static str) -> String {
/// #     use tokio::io::{AsyncReadExt, AsyncWriteExt};
/// #     let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
/// #     let url = format!("http://{}/", listener.local_addr().unwrap());
/// #     tokio::spawn(async move {
/// #         let (mut stream, _) = listener.accept().await.unwrap();
/// #         let _ = stream.read(&mut [0; 4096]).await;
/// #         let head = format!("HTTP/1.1 {status}\r\n{headers}Content-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
/// #         stream.write_all(head.as_bytes()).await.unwrap();
/// #         stream.write_all(body.as_bytes()).await.unwrap();
/// #     });
/// #     url
/// # }
/// ```
pub async fn from_response(response: Response, opts: &Options) -> Result<Report, ParseError> {
    let opts = opts.clone().status(response.status().as_u16()).headers(response.headers());
    crate::async_tokio::from_stream(response.bytes_stream(), &opts).await
}
