//! The child's side of the protocol, over `driver-api` devices: an adapter written in
//! Rust implements the traits for its hardware and serves them with [`Server`]. The
//! simulated external driver does exactly that with the `sim` devices. Adapters in other
//! languages follow docs/external-driver-protocol.md instead.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::sync::Arc;
use std::time::Duration;

use driver_api::{Device, DeviceError, DeviceStatus, Wait};
use serde_json::{Map, Value, json};

use crate::wire::{self, PROTOCOL_VERSION, WireError, WireErrorCodec};

/// Methods a particular adapter adds (the simulator's `sim.*` controls). Return `None`
/// for a method you do not handle.
pub trait Extension: Send {
    fn handle(
        &mut self,
        method: &str,
        params: &Map<String, Value>,
    ) -> Option<Result<Value, WireError>>;
}

/// What the server writes in answer to one line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reply {
    /// Lines to write, in order: status events caused by the request, then its response.
    pub lines: Vec<String>,
    /// The host asked to shut down; exit after writing `lines`.
    pub shutdown: bool,
}

/// Serves `driver-api` devices over the protocol, one line at a time.
pub struct Server {
    driver: String,
    devices: Vec<Arc<dyn Device>>,
    extension: Option<Box<dyn Extension>>,
    greeted: bool,
    protocol: u64,
    sent: HashMap<String, DeviceStatus>,
}

impl Server {
    /// `driver` names the adapter and its version, e.g. `acme-fp 2.1`.
    pub fn new(driver: &str, devices: Vec<Arc<dyn Device>>) -> Server {
        Server {
            driver: driver.to_owned(),
            devices,
            extension: None,
            greeted: false,
            protocol: PROTOCOL_VERSION,
            sent: HashMap::new(),
        }
    }

    pub fn with_extension(mut self, extension: Box<dyn Extension>) -> Server {
        self.extension = Some(extension);
        self
    }

    /// Announces another protocol version in `hello` (for testing hosts).
    pub fn announcing_protocol(mut self, protocol: u64) -> Server {
        self.protocol = protocol;
        self
    }

    /// Answers one line from the host.
    pub fn handle_line(&mut self, line: &str) -> Reply {
        let value: Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(error) => {
                return self.answer(
                    None,
                    Err(WireError::new(
                        "invalid-request",
                        format!("not JSON: {error}"),
                    )),
                );
            }
        };
        let Value::Object(mut request) = value else {
            return self.answer(
                None,
                Err(WireError::new(
                    "invalid-request",
                    "a request is a JSON object",
                )),
            );
        };
        let Some(id) = request.get("id").and_then(Value::as_u64) else {
            return self.answer(
                None,
                Err(WireError::new(
                    "invalid-request",
                    "`id` must be an unsigned integer",
                )),
            );
        };
        let Some(Value::String(method)) = request.remove("method") else {
            return self.answer(
                Some(id),
                Err(WireError::new(
                    "invalid-request",
                    "`method` must be a string",
                )),
            );
        };
        let params = match request.remove("params") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(params)) => params,
            Some(_) => {
                return self.answer(
                    Some(id),
                    Err(WireError::invalid_params("`params` must be an object")),
                );
            }
        };
        let mut shutdown = false;
        let outcome = match method.as_str() {
            "hello" => self.hello(&params),
            "shutdown" => {
                shutdown = true;
                Ok(json!({}))
            }
            _ if !self.greeted => Err(WireError::new("invalid-request", "say hello first")),
            // Requests are answered in order, so nothing is in flight to cancel.
            "cancel" => Ok(json!({})),
            _ => self.dispatch(&method, &params),
        };
        let mut reply = self.answer(Some(id), outcome);
        reply.shutdown = shutdown;
        reply
    }

    /// Status events for devices whose status changed since last sent (e.g. a scripted
    /// fault that fired as time passed). Empty before `hello`.
    pub fn status_events(&mut self) -> Vec<String> {
        if !self.greeted {
            return Vec::new();
        }
        let mut lines = Vec::new();
        for device in &self.devices {
            let status = device.status();
            if self.sent.get(&status.id) != Some(&status) {
                lines.push(wire::status_event_line(&status));
                self.sent.insert(status.id.clone(), status);
            }
        }
        lines
    }

    fn answer(&mut self, id: Option<u64>, outcome: Result<Value, WireError>) -> Reply {
        let mut lines = self.status_events();
        lines.push(match outcome {
            Ok(result) => wire::result_line(id, &result),
            Err(error) => wire::error_line(id, &error),
        });
        Reply {
            lines,
            shutdown: false,
        }
    }

    fn hello(&mut self, params: &Map<String, Value>) -> Result<Value, WireError> {
        let asked = params.get("protocol").and_then(Value::as_u64);
        if asked != Some(PROTOCOL_VERSION) {
            return Err(WireError::new(
                "unsupported-protocol",
                format!("this driver speaks protocol {PROTOCOL_VERSION}"),
            )
            .with_data(json!({"protocol": PROTOCOL_VERSION})));
        }
        self.greeted = true;
        let statuses: Vec<DeviceStatus> = self.devices.iter().map(|d| d.status()).collect();
        for status in &statuses {
            self.sent.insert(status.id.clone(), status.clone());
        }
        Ok(json!({"protocol": self.protocol, "driver": self.driver, "devices": statuses}))
    }

    fn device(&self, params: &Map<String, Value>) -> Result<Arc<dyn Device>, WireError> {
        let id = params
            .get("device")
            .and_then(Value::as_str)
            .ok_or_else(|| WireError::invalid_params("`device` must name a device"))?;
        self.devices
            .iter()
            .find(|d| d.id() == id)
            .cloned()
            .ok_or_else(|| WireError::new("unknown-device", format!("no device {id}")))
    }

    fn dispatch(&mut self, method: &str, params: &Map<String, Value>) -> Result<Value, WireError> {
        if let Some(extension) = self.extension.as_mut()
            && let Some(outcome) = extension.handle(method, params)
        {
            return outcome;
        }
        if method == "status" {
            return Ok(wire::status_to(&self.device(params)?.status()));
        }
        let kinds = wire::kinds_of(method);
        if kinds.is_empty() {
            return Err(WireError::new(
                "unknown-method",
                format!("no method {method}"),
            ));
        }
        let device = self.device(params)?;
        if !kinds.contains(&device.kind()) {
            return Err(WireError::new(
                "unknown-device",
                format!("{} is not a device of {method}", device.id()),
            ));
        }
        call(device.as_ref(), method, params)
    }
}

fn param<'a>(params: &'a Map<String, Value>, name: &str) -> Result<&'a Value, WireError> {
    params
        .get(name)
        .ok_or_else(|| WireError::invalid_params(format!("`{name}` is missing")))
}

fn parsed<T>(
    params: &Map<String, Value>,
    name: &str,
    parse: fn(&Value) -> Result<T, String>,
) -> Result<T, WireError> {
    parse(param(params, name)?).map_err(WireError::invalid_params)
}

fn wait_of(params: &Map<String, Value>) -> Result<Wait, WireError> {
    let ms = match params.get("timeout_ms") {
        None => wire::DEFAULT_TIMEOUT_MS,
        Some(value) => value
            .as_u64()
            .ok_or_else(|| WireError::invalid_params("`timeout_ms` must be an integer"))?,
    };
    Ok(Wait::up_to(Duration::from_millis(ms)))
}

fn wrong_kind(device: &dyn Device, method: &str) -> WireError {
    WireError::new(
        "unknown-device",
        format!("{} is not a device of {method}", device.id()),
    )
}

fn fail<E: WireErrorCodec>(error: E) -> WireError {
    error.to_wire()
}

/// Calls a device method with wire params and answers with wire values.
fn call(
    device: &dyn Device,
    method: &str,
    params: &Map<String, Value>,
) -> Result<Value, WireError> {
    let wrong = || wrong_kind(device, method);
    match method {
        "camera.frame" => {
            let camera = device.as_camera().ok_or_else(wrong)?;
            camera
                .frame(&wait_of(params)?)
                .map(|f| wire::frame_to(&f))
                .map_err(fail)
        }
        "document-reader.read-mrz" => {
            let reader = device.as_document_reader().ok_or_else(wrong)?;
            reader
                .read_mrz(&wait_of(params)?)
                .map(|m| wire::mrz_to(&m))
                .map_err(fail)
        }
        "qr-reader.scan" => {
            let reader = device.as_qr_reader().ok_or_else(wrong)?;
            reader
                .scan(&wait_of(params)?)
                .map(|c| wire::qr_to(&c))
                .map_err(fail)
        }
        "fingerprint-scanner.capture" => {
            let scanner = device.as_fingerprint_scanner().ok_or_else(wrong)?;
            scanner
                .capture(&wait_of(params)?)
                .map(|t| wire::template_to(&t))
                .map_err(fail)
        }
        "fingerprint-scanner.verify" => {
            let scanner = device.as_fingerprint_scanner().ok_or_else(wrong)?;
            let live = parsed(params, "live", wire::template_from)?;
            let reference = parsed(params, "reference", wire::template_from)?;
            scanner
                .verify(&live, &reference)
                .map(wire::score_to)
                .map_err(fail)
        }
        "fingerprint-scanner.quality" => {
            let scanner = device.as_fingerprint_scanner().ok_or_else(wrong)?;
            let template = parsed(params, "template", wire::template_from)?;
            scanner
                .quality(&template)
                .map(wire::quality_to)
                .map_err(fail)
        }
        "face-matcher.compare" => {
            let matcher = device.as_face_matcher().ok_or_else(wrong)?;
            let live = parsed(params, "live", wire::frame_from)?;
            let reference = parsed(params, "reference", wire::photo_from)?;
            matcher
                .compare(&live, &reference, &wait_of(params)?)
                .map(wire::score_to)
                .map_err(fail)
        }
        "printer.print" => {
            let printer = device.as_printer().ok_or_else(wrong)?;
            let job = parsed(params, "job", wire::print_job_from)?;
            printer
                .print(&job, &wait_of(params)?)
                .map(|p| wire::printed_to(&p))
                .map_err(fail)
        }
        "aeu.ballots-processed" => {
            let aeu = device.as_aeu().ok_or_else(wrong)?;
            aeu.ballots_processed().map(wire::count_to).map_err(fail)
        }
        "aeu.preliminary-results" => {
            let aeu = device.as_aeu().ok_or_else(wrong)?;
            aeu.preliminary_results()
                .map(|t| wire::tallies_to(&t))
                .map_err(fail)
        }
        "aeu.feed" => {
            let aeu = device.as_aeu().ok_or_else(wrong)?;
            let ballot = parsed(params, "ballot", wire::ballot_from)?;
            aeu.feed(&ballot).map(|f| wire::fed_to(&f)).map_err(fail)
        }
        "smart-card.present" => {
            let card = device.as_smart_card().ok_or_else(wrong)?;
            card.present()
                .map(|present| json!({"present": present}))
                .map_err(fail)
        }
        "smart-card.verify-pin" => {
            let card = device.as_smart_card().ok_or_else(wrong)?;
            let pin = param(params, "pin")?
                .as_str()
                .ok_or_else(|| WireError::invalid_params("`pin` must be a string"))?;
            card.verify_pin(pin).map(|()| json!({})).map_err(fail)
        }
        "smart-card.sign" => {
            let card = device.as_smart_card().ok_or_else(wrong)?;
            let message = param(params, "message")?
                .as_str()
                .ok_or_else(|| WireError::invalid_params("`message` must be base64"))
                .and_then(|text| wire::decode_bytes(text).map_err(WireError::invalid_params))?;
            card.sign(&message)
                .map(|s| wire::signature_to(&s))
                .map_err(fail)
        }
        "smart-card.public-key" => {
            let card = device.as_smart_card().ok_or_else(wrong)?;
            card.public_key()
                .map(|k| wire::public_key_to(&k))
                .map_err(fail)
        }
        "observer-display.show" => {
            let display = device.as_observer_display().ok_or_else(wrong)?;
            let content = parsed(params, "content", wire::monitor_from)?;
            display.show(&content).map(|()| json!({})).map_err(fail)
        }
        _ => Err(DeviceError::Unsupported {
            id: device.id().to_owned(),
            what: method.to_owned(),
        }
        .to_wire()),
    }
}

/// Serves until the host says `shutdown` or closes the input: reads request lines,
/// writes answers, flushing after each.
pub fn serve(server: &mut Server, input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for line in input.lines() {
        let line = match line {
            Ok(line) => line,
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                let reply = server.handle_line("\u{FFFD}");
                write_lines(&mut output, &reply.lines)?;
                continue;
            }
            Err(error) => return Err(error),
        };
        if line.trim().is_empty() {
            continue;
        }
        let reply = server.handle_line(&line);
        write_lines(&mut output, &reply.lines)?;
        if reply.shutdown {
            break;
        }
    }
    Ok(())
}

fn write_lines(output: &mut impl Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        output.write_all(line.as_bytes())?;
        output.write_all(b"\n")?;
    }
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> Server {
        let station = sim::SimStation::new(1);
        Server::new(
            "test 1",
            vec![
                station.aeu_main.clone() as Arc<dyn Device>,
                station.camera.clone(),
            ],
        )
    }

    fn answer(server: &mut Server, line: &str) -> Value {
        let reply = server.handle_line(line);
        serde_json::from_str(reply.lines.last().expect("an answer")).expect("JSON")
    }

    #[test]
    fn hello_comes_first_and_names_the_devices() {
        let mut server = server();
        let early = answer(
            &mut server,
            r#"{"id":1,"method":"status","params":{"device":"camera"}}"#,
        );
        assert_eq!(early["error"]["code"], "invalid-request");
        let wrong = answer(
            &mut server,
            r#"{"id":2,"method":"hello","params":{"protocol":9}}"#,
        );
        assert_eq!(wrong["error"]["code"], "unsupported-protocol");
        assert_eq!(wrong["error"]["data"]["protocol"], 1);
        let hello = answer(
            &mut server,
            r#"{"id":3,"method":"hello","params":{"protocol":1}}"#,
        );
        assert_eq!(hello["id"], 3);
        assert_eq!(hello["result"]["driver"], "test 1");
        assert_eq!(hello["result"]["devices"][1]["id"], "camera");
        let status = answer(
            &mut server,
            r#"{"id":4,"method":"status","params":{"device":"aeu-main"}}"#,
        );
        assert_eq!(status["result"]["kind"], "aeu");
    }

    #[test]
    fn serve_answers_until_shutdown_and_reports_status_changes_first() {
        let station = sim::SimStation::new(1);
        let aeu = station.aeu_main.clone();
        let mut server = Server::new("test 1", vec![aeu.clone() as Arc<dyn Device>]);
        let _ = server.handle_line(r#"{"id":0,"method":"hello","params":{"protocol":1}}"#);
        aeu.fail();
        let input = concat!(
            "\n",
            r#"{"id":1,"method":"aeu.ballots-processed","params":{"device":"aeu-main"}}"#,
            "\n",
            r#"{"id":2,"method":"shutdown"}"#,
            "\n",
            r#"{"id":3,"method":"status","params":{"device":"aeu-main"}}"#,
            "\n"
        );
        let mut output = Vec::new();
        serve(&mut server, input.as_bytes(), &mut output).expect("served");
        let lines: Vec<Value> = String::from_utf8(output)
            .expect("UTF-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0]["event"], "status");
        assert_eq!(lines[0]["status"]["fault"], "broken");
        assert_eq!(lines[1]["error"]["code"], "failed");
        assert_eq!(lines[2], json!({"id": 2, "result": {}}));
    }

    #[test]
    fn bad_requests_get_their_codes() {
        let mut server = server();
        let _ = server.handle_line(r#"{"id":0,"method":"hello","params":{"protocol":1}}"#);
        let cases = [
            ("nonsense", "invalid-request"),
            (r#"{"method":"status"}"#, "invalid-request"),
            (r#"{"id":1}"#, "invalid-request"),
            (
                r#"{"id":1,"method":"status","params":[1]}"#,
                "invalid-params",
            ),
            (
                r#"{"id":1,"method":"status","params":{}}"#,
                "invalid-params",
            ),
            (
                r#"{"id":1,"method":"status","params":{"device":"toaster"}}"#,
                "unknown-device",
            ),
            (
                r#"{"id":1,"method":"camera.frame","params":{"device":"aeu-main"}}"#,
                "unknown-device",
            ),
            (
                r#"{"id":1,"method":"camera.focus","params":{"device":"camera"}}"#,
                "unknown-method",
            ),
            (
                r#"{"id":1,"method":"camera.frame","params":{"device":"camera","timeout_ms":"soon"}}"#,
                "invalid-params",
            ),
            (
                r#"{"id":1,"method":"aeu.feed","params":{"device":"aeu-main","ballot":{}}}"#,
                "invalid-params",
            ),
        ];
        for (line, code) in cases {
            assert_eq!(answer(&mut server, line)["error"]["code"], code, "{line}");
        }
    }
}
