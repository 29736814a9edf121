//! The wire format of docs/external-driver-protocol.md: messages, error codes and the
//! JSON shape of every `driver-api` value. Both sides (the host in the app, a server in
//! an adapter) use these functions, so the shapes are written down once; the
//! conformance suite checks them independently, from the raw JSON.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use driver_api::{
    AeuError, BallotMarks, ContestMarks, ContestTally, DeviceError, DeviceKind, DeviceStatus,
    DocumentError, FaceError, FaultCode, Fed, FingerprintError, Frame, JobId, MatchScore,
    MonitorContent, MrzText, OptionCount, Photo, PixelFormat, PrintJob, PrintKind, PrintPayload,
    Printed, PrinterError, PublicKey, QrCode, QrError, Quality, Raster, Signature,
    SignatureAlgorithm, SmartCardError, Template,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

/// The protocol version this crate speaks.
pub const PROTOCOL_VERSION: u64 = 1;

/// The longest line either side must accept, in bytes (a PDF ballot, base64-encoded).
pub const MAX_LINE: usize = 16 * 1024 * 1024;

/// How long a waiting method may wait when the request says nothing.
pub const DEFAULT_TIMEOUT_MS: u64 = 30_000;

/// Methods every driver answers, whatever devices it offers.
pub const COMMON_METHODS: &[&str] = &["hello", "status", "cancel", "shutdown"];

/// The methods of each kind of device.
pub fn methods_of(kind: DeviceKind) -> &'static [&'static str] {
    match kind {
        DeviceKind::Camera => &["camera.frame"],
        DeviceKind::DocumentReader => &["document-reader.read-mrz"],
        DeviceKind::QrReader => &["qr-reader.scan"],
        DeviceKind::FingerprintScanner => &[
            "fingerprint-scanner.capture",
            "fingerprint-scanner.verify",
            "fingerprint-scanner.quality",
        ],
        DeviceKind::FaceMatcher => &["face-matcher.compare"],
        DeviceKind::BallotPrinter | DeviceKind::DocumentPrinter => &["printer.print"],
        DeviceKind::Aeu => &[
            "aeu.ballots-processed",
            "aeu.preliminary-results",
            "aeu.feed",
        ],
        DeviceKind::SmartCard => &[
            "smart-card.present",
            "smart-card.verify-pin",
            "smart-card.sign",
            "smart-card.public-key",
        ],
        DeviceKind::ObserverDisplay => &["observer-display.show"],
    }
}

/// The kinds a method may address (`printer.print`: both printers).
pub fn kinds_of(method: &str) -> Vec<DeviceKind> {
    DeviceKind::ALL
        .into_iter()
        .filter(|kind| methods_of(*kind).contains(&method))
        .collect()
}

/// An error as it travels: a kebab-case code, a message for people, and data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireError {
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub data: Value,
}

impl WireError {
    pub fn new(code: &str, message: impl Into<String>) -> WireError {
        WireError {
            code: code.to_owned(),
            message: message.into(),
            data: Value::Null,
        }
    }

    pub fn with_data(mut self, data: Value) -> WireError {
        self.data = data;
        self
    }

    pub fn invalid_params(message: impl Into<String>) -> WireError {
        WireError::new("invalid-params", message)
    }

    fn field(&self, name: &str) -> Option<&Value> {
        self.data.get(name)
    }

    fn u64_field(&self, name: &str) -> Option<u64> {
        self.field(name).and_then(Value::as_u64)
    }

    fn u8_field(&self, name: &str) -> Option<u8> {
        self.u64_field(name).and_then(|v| u8::try_from(v).ok())
    }
}

/// A request line.
pub fn request_line(id: u64, method: &str, params: &Value) -> String {
    json!({"id": id, "method": method, "params": params}).to_string()
}

/// A response line with a result.
pub fn result_line(id: Option<u64>, result: &Value) -> String {
    json!({"id": id, "result": result}).to_string()
}

/// A response line with an error.
pub fn error_line(id: Option<u64>, error: &WireError) -> String {
    json!({"id": id, "error": error}).to_string()
}

/// A status event line.
pub fn status_event_line(status: &DeviceStatus) -> String {
    json!({"event": "status", "status": status}).to_string()
}

/// A line from the child, classified.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    Response {
        id: u64,
        outcome: Result<Value, WireError>,
    },
    /// An error without an id: the child could not read one of our lines.
    Complaint(WireError),
    Event {
        event: String,
        body: Map<String, Value>,
    },
    /// Anything else; the reason says what is wrong.
    Malformed(String),
}

/// Classifies one line from the child (without its newline).
pub fn classify(line: &str) -> Incoming {
    let value: Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(error) => return Incoming::Malformed(format!("not JSON: {error}")),
    };
    let Value::Object(mut object) = value else {
        return Incoming::Malformed("not a JSON object".into());
    };
    if let Some(event) = object.remove("event") {
        return match event {
            Value::String(event) => Incoming::Event {
                event,
                body: object,
            },
            _ => Incoming::Malformed("`event` is not a string".into()),
        };
    }
    let id = match object.get("id") {
        Some(Value::Null) | None => None,
        Some(id) => match id.as_u64() {
            Some(id) => Some(id),
            None => return Incoming::Malformed("`id` is not an unsigned integer".into()),
        },
    };
    let outcome = match (object.remove("result"), object.remove("error")) {
        (Some(result), None) => Ok(result),
        (None, Some(error)) => match serde_json::from_value::<WireError>(error) {
            Ok(error) => Err(error),
            Err(error) => {
                return Incoming::Malformed(format!("`error` is not {{code, message}}: {error}"));
            }
        },
        (Some(_), Some(_)) => return Incoming::Malformed("both `result` and `error`".into()),
        (None, None) => return Incoming::Malformed("neither `result`, `error` nor `event`".into()),
    };
    match (id, outcome) {
        (Some(id), outcome) => Incoming::Response { id, outcome },
        (None, Err(error)) => Incoming::Complaint(error),
        (None, Ok(_)) => Incoming::Malformed("a result without an id".into()),
    }
}

// ---------------------------------------------------------------------------------------
// Values

/// Bytes as standard base64 with padding.
pub fn encode_bytes(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

pub fn decode_bytes(text: &str) -> Result<Vec<u8>, String> {
    STANDARD
        .decode(text)
        .map_err(|error| format!("invalid base64: {error}"))
}

/// Bytes that travel as a base64 string.
#[derive(Debug, Clone, PartialEq, Eq)]
struct B64(Vec<u8>);

impl Serialize for B64 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&encode_bytes(&self.0))
    }
}

impl<'de> Deserialize<'de> for B64 {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<B64, D::Error> {
        let text = String::deserialize(deserializer)?;
        decode_bytes(&text)
            .map(B64)
            .map_err(serde::de::Error::custom)
    }
}

fn parse<T: DeserializeOwned>(value: &Value, what: &str) -> Result<T, String> {
    T::deserialize(value).map_err(|error| format!("{what}: {error}"))
}

fn to_value<T: Serialize>(value: &T) -> Value {
    // Our DTOs are plain structs of strings, numbers and vectors: they always serialize.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

#[derive(Serialize, Deserialize)]
struct FrameWire {
    width: u32,
    height: u32,
    format: PixelFormat,
    #[serde(default)]
    sequence: u64,
    data: B64,
}

pub fn frame_to(frame: &Frame) -> Value {
    to_value(&FrameWire {
        width: frame.width,
        height: frame.height,
        format: frame.format,
        sequence: frame.sequence,
        data: B64(frame.data.clone()),
    })
}

/// A frame; its data must have the length its size and format promise.
pub fn frame_from(value: &Value) -> Result<Frame, String> {
    let wire: FrameWire = parse(value, "frame")?;
    let frame = Frame {
        width: wire.width,
        height: wire.height,
        format: wire.format,
        data: wire.data.0,
        sequence: wire.sequence,
    };
    if !frame.is_consistent() {
        return Err(format!(
            "frame: {} bytes of data for {}x{} {:?}",
            frame.data.len(),
            frame.width,
            frame.height,
            frame.format
        ));
    }
    Ok(frame)
}

#[derive(Serialize, Deserialize)]
struct TemplateWire {
    format: String,
    data: B64,
}

pub fn template_to(template: &Template) -> Value {
    to_value(&TemplateWire {
        format: template.format.clone(),
        data: B64(template.data.clone()),
    })
}

pub fn template_from(value: &Value) -> Result<Template, String> {
    let wire: TemplateWire = parse(value, "template")?;
    Ok(Template {
        format: wire.format,
        data: wire.data.0,
    })
}

#[derive(Serialize, Deserialize)]
struct PhotoWire {
    media_type: String,
    data: B64,
}

pub fn photo_to(photo: &Photo) -> Value {
    to_value(&PhotoWire {
        media_type: photo.media_type.clone(),
        data: B64(photo.data.clone()),
    })
}

pub fn photo_from(value: &Value) -> Result<Photo, String> {
    let wire: PhotoWire = parse(value, "photo")?;
    Ok(Photo {
        media_type: wire.media_type,
        data: wire.data.0,
    })
}

pub fn mrz_to(mrz: &MrzText) -> Value {
    json!({"lines": mrz.lines})
}

pub fn mrz_from(value: &Value) -> Result<MrzText, String> {
    #[derive(Deserialize)]
    struct Wire {
        lines: Vec<String>,
    }
    let wire: Wire = parse(value, "MRZ")?;
    Ok(MrzText { lines: wire.lines })
}

pub fn qr_to(code: &QrCode) -> Value {
    json!({"payload": encode_bytes(&code.payload)})
}

pub fn qr_from(value: &Value) -> Result<QrCode, String> {
    #[derive(Deserialize)]
    struct Wire {
        payload: B64,
    }
    let wire: Wire = parse(value, "QR code")?;
    Ok(QrCode {
        payload: wire.payload.0,
    })
}

pub fn score_to(score: MatchScore) -> Value {
    json!({"score": score.value()})
}

/// A score, refusing values above 100.
pub fn score_from(value: &Value) -> Result<MatchScore, String> {
    percent_field(value, "score").map(MatchScore::new)
}

pub fn quality_to(quality: Quality) -> Value {
    json!({"quality": quality.value()})
}

pub fn quality_from(value: &Value) -> Result<Quality, String> {
    percent_field(value, "quality").map(Quality::new)
}

fn percent_field(value: &Value, name: &str) -> Result<u8, String> {
    value
        .get(name)
        .and_then(Value::as_u64)
        .and_then(|v| u8::try_from(v).ok())
        .filter(|v| *v <= 100)
        .ok_or_else(|| format!("`{name}` must be an integer 0–100"))
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum PayloadWire {
    Pdf { data: B64 },
    Raster { width: u32, height: u32, data: B64 },
    Text { text: String },
}

#[derive(Serialize, Deserialize)]
struct JobWire {
    kind: PrintKind,
    copies: u16,
    payload: PayloadWire,
}

pub fn print_job_to(job: &PrintJob) -> Value {
    let payload = match &job.payload {
        PrintPayload::Pdf(data) => PayloadWire::Pdf {
            data: B64(data.clone()),
        },
        PrintPayload::Raster(raster) => PayloadWire::Raster {
            width: raster.width,
            height: raster.height,
            data: B64(raster.data.clone()),
        },
        PrintPayload::Text(text) => PayloadWire::Text { text: text.clone() },
    };
    to_value(&JobWire {
        kind: job.kind,
        copies: job.copies,
        payload,
    })
}

pub fn print_job_from(value: &Value) -> Result<PrintJob, String> {
    let wire: JobWire = parse(value, "print job")?;
    let payload = match wire.payload {
        PayloadWire::Pdf { data } => PrintPayload::Pdf(data.0),
        PayloadWire::Raster {
            width,
            height,
            data,
        } => PrintPayload::Raster(Raster {
            width,
            height,
            data: data.0,
        }),
        PayloadWire::Text { text } => PrintPayload::Text(text),
    };
    Ok(PrintJob {
        kind: wire.kind,
        payload,
        copies: wire.copies,
    })
}

pub fn printed_to(printed: &Printed) -> Value {
    json!({"job": printed.job.0, "copies": printed.copies})
}

pub fn printed_from(value: &Value) -> Result<Printed, String> {
    #[derive(Deserialize)]
    struct Wire {
        job: u64,
        copies: u16,
    }
    let wire: Wire = parse(value, "printed job")?;
    Ok(Printed {
        job: JobId(wire.job),
        copies: wire.copies,
    })
}

#[derive(Serialize, Deserialize)]
struct ContestMarksWire {
    contest: String,
    options: Vec<String>,
}

pub fn ballot_to(ballot: &BallotMarks) -> Value {
    let contests: Vec<_> = ballot
        .contests
        .iter()
        .map(|c| ContestMarksWire {
            contest: c.contest.clone(),
            options: c.options.clone(),
        })
        .collect();
    json!({"contests": to_value(&contests)})
}

pub fn ballot_from(value: &Value) -> Result<BallotMarks, String> {
    #[derive(Deserialize)]
    struct Wire {
        contests: Vec<ContestMarksWire>,
    }
    let wire: Wire = parse(value, "ballot")?;
    Ok(BallotMarks {
        contests: wire
            .contests
            .into_iter()
            .map(|c| ContestMarks {
                contest: c.contest,
                options: c.options,
            })
            .collect(),
    })
}

pub fn fed_to(fed: &Fed) -> Value {
    json!({"ballot_number": fed.ballot_number})
}

pub fn fed_from(value: &Value) -> Result<Fed, String> {
    count_field(value, "ballot_number").map(|ballot_number| Fed { ballot_number })
}

pub fn count_to(count: u64) -> Value {
    json!({"count": count})
}

pub fn count_from(value: &Value) -> Result<u64, String> {
    count_field(value, "count")
}

fn count_field(value: &Value, name: &str) -> Result<u64, String> {
    value
        .get(name)
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("`{name}` must be an unsigned integer"))
}

#[derive(Serialize, Deserialize)]
struct OptionCountWire {
    option: String,
    count: u64,
}

#[derive(Serialize, Deserialize)]
struct TallyWire {
    contest: String,
    counts: Vec<OptionCountWire>,
    invalid: u64,
}

pub fn tallies_to(tallies: &[ContestTally]) -> Value {
    let contests: Vec<_> = tallies
        .iter()
        .map(|t| TallyWire {
            contest: t.contest.clone(),
            counts: t
                .counts
                .iter()
                .map(|c| OptionCountWire {
                    option: c.option.clone(),
                    count: c.count,
                })
                .collect(),
            invalid: t.invalid,
        })
        .collect();
    json!({"contests": to_value(&contests)})
}

pub fn tallies_from(value: &Value) -> Result<Vec<ContestTally>, String> {
    #[derive(Deserialize)]
    struct Wire {
        contests: Vec<TallyWire>,
    }
    let wire: Wire = parse(value, "preliminary results")?;
    Ok(wire
        .contests
        .into_iter()
        .map(|t| ContestTally {
            contest: t.contest,
            counts: t
                .counts
                .into_iter()
                .map(|c| OptionCount {
                    option: c.option,
                    count: c.count,
                })
                .collect(),
            invalid: t.invalid,
        })
        .collect())
}

#[derive(Serialize, Deserialize)]
struct MonitorWire {
    #[serde(default)]
    station: Option<String>,
    #[serde(default)]
    training: bool,
    voters_in_list: u32,
    voters_identified: u32,
    #[serde(default)]
    photo: Option<PhotoWire>,
    #[serde(default)]
    notice: Option<String>,
}

pub fn monitor_to(content: &MonitorContent) -> Value {
    to_value(&MonitorWire {
        station: content.station.clone(),
        training: content.training,
        voters_in_list: content.voters_in_list,
        voters_identified: content.voters_identified,
        photo: content.photo.as_ref().map(|p| PhotoWire {
            media_type: p.media_type.clone(),
            data: B64(p.data.clone()),
        }),
        notice: content.notice.clone(),
    })
}

pub fn monitor_from(value: &Value) -> Result<MonitorContent, String> {
    let wire: MonitorWire = parse(value, "monitor content")?;
    Ok(MonitorContent {
        station: wire.station,
        training: wire.training,
        voters_in_list: wire.voters_in_list,
        voters_identified: wire.voters_identified,
        photo: wire.photo.map(|p| Photo {
            media_type: p.media_type,
            data: p.data.0,
        }),
        notice: wire.notice,
    })
}

pub fn signature_to(signature: &Signature) -> Value {
    json!({"algorithm": signature.algorithm, "signature": encode_bytes(&signature.bytes)})
}

pub fn signature_from(value: &Value) -> Result<Signature, String> {
    #[derive(Deserialize)]
    struct Wire {
        algorithm: SignatureAlgorithm,
        signature: B64,
    }
    let wire: Wire = parse(value, "signature")?;
    Ok(Signature {
        algorithm: wire.algorithm,
        bytes: wire.signature.0,
    })
}

pub fn public_key_to(key: &PublicKey) -> Value {
    json!({"algorithm": key.algorithm, "key": encode_bytes(&key.bytes)})
}

pub fn public_key_from(value: &Value) -> Result<PublicKey, String> {
    #[derive(Deserialize)]
    struct Wire {
        algorithm: SignatureAlgorithm,
        key: B64,
    }
    let wire: Wire = parse(value, "public key")?;
    Ok(PublicKey {
        algorithm: wire.algorithm,
        bytes: wire.key.0,
    })
}

pub fn status_to(status: &DeviceStatus) -> Value {
    to_value(status)
}

/// A status; `fault` must be set exactly when the state is `fault` or `absent` allows it.
pub fn status_from(value: &Value) -> Result<DeviceStatus, String> {
    parse(value, "status")
}

/// Parses a kebab-case enum value the way serde does (`"out-of-paper"`).
pub fn code_from<T: DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(Value::String(code.to_owned())).ok()
}

/// The kebab-case code of an enum value.
pub fn code_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(code)) => code,
        _ => String::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Errors

/// Converts a typed device error to and from its wire form. `from_wire` never fails: a
/// code this kind of device does not use becomes `DeviceError::Protocol`.
pub trait WireErrorCodec: Sized {
    fn to_wire(&self) -> WireError;
    fn from_wire(device: &str, error: WireError) -> Self;
}

impl WireErrorCodec for DeviceError {
    fn to_wire(&self) -> WireError {
        let message = self.to_string();
        match self {
            DeviceError::Absent(_) => WireError::new("absent", message),
            DeviceError::Fault { fault, .. } => {
                WireError::new("fault", message).with_data(json!({"fault": code_of(fault)}))
            }
            DeviceError::Busy(_) => WireError::new("busy", message),
            DeviceError::Timeout(_) => WireError::new("timeout", message),
            DeviceError::Cancelled(_) => WireError::new("cancelled", message),
            DeviceError::Unsupported { what, .. } => {
                WireError::new("unsupported", message).with_data(json!({"what": what}))
            }
            DeviceError::Protocol { detail, .. } => WireError::new("internal", detail.clone()),
        }
    }

    fn from_wire(device: &str, error: WireError) -> DeviceError {
        let id = device.to_owned();
        match error.code.as_str() {
            "absent" => DeviceError::Absent(id),
            "busy" => DeviceError::Busy(id),
            "timeout" => DeviceError::Timeout(id),
            "cancelled" => DeviceError::Cancelled(id),
            "fault" => match error
                .field("fault")
                .and_then(Value::as_str)
                .and_then(code_from::<FaultCode>)
            {
                Some(fault) => DeviceError::Fault { id, fault },
                None => protocol(
                    device,
                    "a `fault` error without a known `fault` code",
                    &error,
                ),
            },
            "unsupported" => DeviceError::Unsupported {
                id,
                what: error
                    .field("what")
                    .and_then(Value::as_str)
                    .unwrap_or(&error.message)
                    .to_owned(),
            },
            _ => protocol(device, "an error", &error),
        }
    }
}

fn protocol(device: &str, what: &str, error: &WireError) -> DeviceError {
    DeviceError::Protocol {
        id: device.to_owned(),
        detail: format!("{what}: {} ({})", error.code, error.message),
    }
}

macro_rules! simple_codes {
    ($type:ident { $($variant:ident => $code:literal),* $(,)? }) => {
        impl WireErrorCodec for $type {
            fn to_wire(&self) -> WireError {
                match self {
                    $($type::$variant => WireError::new($code, self.to_string()),)*
                    $type::Device(error) => error.to_wire(),
                }
            }

            fn from_wire(device: &str, error: WireError) -> $type {
                match error.code.as_str() {
                    $($code => $type::$variant,)*
                    _ => $type::Device(DeviceError::from_wire(device, error)),
                }
            }
        }
    };
}

simple_codes!(DocumentError { NoDocument => "no-document", Unreadable => "unreadable" });
simple_codes!(QrError { NoCode => "no-code", Unreadable => "unreadable" });
simple_codes!(AeuError { Failed => "failed", Rejected => "rejected" });

impl WireErrorCodec for FingerprintError {
    fn to_wire(&self) -> WireError {
        let message = self.to_string();
        match self {
            FingerprintError::NoFinger => WireError::new("no-finger", message),
            FingerprintError::LowQuality { quality } => WireError::new("low-quality", message)
                .with_data(json!({"quality": quality.value()})),
            FingerprintError::NoMatch { score } => {
                WireError::new("no-match", message).with_data(json!({"score": score.value()}))
            }
            FingerprintError::InvalidTemplate => WireError::new("invalid-template", message),
            FingerprintError::Device(error) => error.to_wire(),
        }
    }

    fn from_wire(device: &str, error: WireError) -> FingerprintError {
        match error.code.as_str() {
            "no-finger" => FingerprintError::NoFinger,
            "invalid-template" => FingerprintError::InvalidTemplate,
            "low-quality" => match error.u8_field("quality").filter(|q| *q <= 100) {
                Some(quality) => FingerprintError::LowQuality {
                    quality: Quality::new(quality),
                },
                None => FingerprintError::Device(protocol(
                    device,
                    "`low-quality` without `quality`",
                    &error,
                )),
            },
            "no-match" => match error.u8_field("score").filter(|s| *s <= 100) {
                Some(score) => FingerprintError::NoMatch {
                    score: MatchScore::new(score),
                },
                None => {
                    FingerprintError::Device(protocol(device, "`no-match` without `score`", &error))
                }
            },
            _ => FingerprintError::Device(DeviceError::from_wire(device, error)),
        }
    }
}

impl WireErrorCodec for FaceError {
    fn to_wire(&self) -> WireError {
        let message = self.to_string();
        match self {
            FaceError::NoFace => WireError::new("no-face", message),
            FaceError::NoMatch { score } => {
                WireError::new("no-match", message).with_data(json!({"score": score.value()}))
            }
            FaceError::InvalidReference => WireError::new("invalid-reference", message),
            FaceError::Device(error) => error.to_wire(),
        }
    }

    fn from_wire(device: &str, error: WireError) -> FaceError {
        match error.code.as_str() {
            "no-face" => FaceError::NoFace,
            "invalid-reference" => FaceError::InvalidReference,
            "no-match" => match error.u8_field("score").filter(|s| *s <= 100) {
                Some(score) => FaceError::NoMatch {
                    score: MatchScore::new(score),
                },
                None => FaceError::Device(protocol(device, "`no-match` without `score`", &error)),
            },
            _ => FaceError::Device(DeviceError::from_wire(device, error)),
        }
    }
}

impl WireErrorCodec for PrinterError {
    fn to_wire(&self) -> WireError {
        let message = self.to_string();
        match self {
            PrinterError::Jammed {
                job,
                copies_printed,
            } => WireError::new("jammed", message)
                .with_data(json!({"job": job.0, "copies_printed": copies_printed})),
            PrinterError::OutOfPaper {
                job,
                copies_printed,
            } => WireError::new("out-of-paper", message)
                .with_data(json!({"job": job.0, "copies_printed": copies_printed})),
            PrinterError::UnsupportedJob(kind) => {
                WireError::new("unsupported-job", message).with_data(json!({"kind": kind}))
            }
            PrinterError::InvalidJob(reason) => WireError::new("invalid-job", reason.clone()),
            PrinterError::Device(error) => error.to_wire(),
        }
    }

    fn from_wire(device: &str, error: WireError) -> PrinterError {
        let stopped = |error: &WireError| {
            let job = error.u64_field("job")?;
            let copies_printed = u16::try_from(error.u64_field("copies_printed")?).ok()?;
            Some((JobId(job), copies_printed))
        };
        match error.code.as_str() {
            "jammed" => match stopped(&error) {
                Some((job, copies_printed)) => PrinterError::Jammed {
                    job,
                    copies_printed,
                },
                None => PrinterError::Device(protocol(
                    device,
                    "`jammed` without `job`, `copies_printed`",
                    &error,
                )),
            },
            "out-of-paper" => match stopped(&error) {
                Some((job, copies_printed)) => PrinterError::OutOfPaper {
                    job,
                    copies_printed,
                },
                None => PrinterError::Device(protocol(
                    device,
                    "`out-of-paper` without `job`, `copies_printed`",
                    &error,
                )),
            },
            "unsupported-job" => match error
                .field("kind")
                .and_then(Value::as_str)
                .and_then(code_from::<PrintKind>)
            {
                Some(kind) => PrinterError::UnsupportedJob(kind),
                None => PrinterError::Device(protocol(
                    device,
                    "`unsupported-job` without `kind`",
                    &error,
                )),
            },
            "invalid-job" => PrinterError::InvalidJob(error.message),
            _ => PrinterError::Device(DeviceError::from_wire(device, error)),
        }
    }
}

impl WireErrorCodec for SmartCardError {
    fn to_wire(&self) -> WireError {
        let message = self.to_string();
        match self {
            SmartCardError::Absent => WireError::new("card-absent", message),
            SmartCardError::WrongPin { attempts_left } => WireError::new("wrong-pin", message)
                .with_data(json!({"attempts_left": attempts_left})),
            SmartCardError::Blocked => WireError::new("blocked", message),
            SmartCardError::Unregistered => WireError::new("unregistered", message),
            SmartCardError::PinRequired => WireError::new("pin-required", message),
            SmartCardError::Device(error) => error.to_wire(),
        }
    }

    fn from_wire(device: &str, error: WireError) -> SmartCardError {
        match error.code.as_str() {
            "card-absent" => SmartCardError::Absent,
            "blocked" => SmartCardError::Blocked,
            "unregistered" => SmartCardError::Unregistered,
            "pin-required" => SmartCardError::PinRequired,
            "wrong-pin" => match error.u8_field("attempts_left") {
                Some(attempts_left) => SmartCardError::WrongPin { attempts_left },
                None => SmartCardError::Device(protocol(
                    device,
                    "`wrong-pin` without `attempts_left`",
                    &error,
                )),
            },
            _ => SmartCardError::Device(DeviceError::from_wire(device, error)),
        }
    }
}

/// The error codes a method may answer besides the common ones (`absent`, `busy`,
/// `fault`, `timeout`, `cancelled`, `unsupported`, `invalid-params`, `unknown-device`,
/// `internal`).
pub fn method_error_codes(method: &str) -> &'static [&'static str] {
    match method {
        "document-reader.read-mrz" => &["no-document", "unreadable"],
        "qr-reader.scan" => &["no-code", "unreadable"],
        "fingerprint-scanner.capture" => &["no-finger", "low-quality"],
        "fingerprint-scanner.verify" => &["no-match", "invalid-template"],
        "fingerprint-scanner.quality" => &["invalid-template"],
        "face-matcher.compare" => &["no-face", "no-match", "invalid-reference"],
        "printer.print" => &["jammed", "out-of-paper", "unsupported-job", "invalid-job"],
        "aeu.ballots-processed" | "aeu.preliminary-results" => &["failed"],
        "aeu.feed" => &["failed", "rejected"],
        "smart-card.verify-pin" => &["card-absent", "wrong-pin", "blocked"],
        "smart-card.sign" => &["card-absent", "blocked", "unregistered", "pin-required"],
        "smart-card.public-key" => &["card-absent", "blocked", "unregistered"],
        _ => &[],
    }
}

/// The error codes any device method may answer.
pub const COMMON_ERROR_CODES: &[&str] = &[
    "absent",
    "busy",
    "fault",
    "timeout",
    "cancelled",
    "unsupported",
    "invalid-params",
    "unknown-device",
    "internal",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_classified() {
        assert_eq!(
            classify(r#"{"id":3,"result":{"a":1}}"#),
            Incoming::Response {
                id: 3,
                outcome: Ok(json!({"a": 1}))
            }
        );
        let Incoming::Response {
            id: 4,
            outcome: Err(error),
        } = classify(r#"{"id":4,"error":{"code":"no-finger","message":"none"}}"#)
        else {
            panic!("an error response");
        };
        assert_eq!(error.code, "no-finger");
        assert!(matches!(
            classify(r#"{"id":null,"error":{"code":"invalid-request"}}"#),
            Incoming::Complaint(_)
        ));
        assert!(matches!(
            classify(r#"{"event":"status","status":{}}"#),
            Incoming::Event { .. }
        ));
        for bad in [
            "",
            "nope",
            "[1]",
            r#"{"id":-1,"result":1}"#,
            r#"{"id":1}"#,
            r#"{"id":1,"result":1,"error":{}}"#,
            r#"{"result":1}"#,
            r#"{"id":1,"error":"x"}"#,
            r#"{"event":3}"#,
        ] {
            assert!(matches!(classify(bad), Incoming::Malformed(_)), "{bad}");
        }
    }

    #[test]
    fn values_round_trip() {
        let frame = Frame {
            width: 2,
            height: 1,
            format: PixelFormat::Rgb8,
            data: vec![1, 2, 3, 4, 5, 6],
            sequence: 9,
        };
        assert_eq!(frame_from(&frame_to(&frame)), Ok(frame));
        assert!(
            frame_from(&json!({"width": 2, "height": 2, "format": "gray8", "data": "AAA="}))
                .is_err()
        );
        assert!(
            frame_from(&json!({"width": 1, "height": 1, "format": "gray8", "data": "!!"})).is_err()
        );

        for payload in [
            PrintPayload::Pdf(b"%PDF-1.7".to_vec()),
            PrintPayload::Raster(Raster {
                width: 1,
                height: 2,
                data: vec![0, 255],
            }),
            PrintPayload::Text("Бюллетень".into()),
        ] {
            let job = PrintJob {
                kind: PrintKind::Ballot,
                payload,
                copies: 2,
            };
            assert_eq!(print_job_from(&print_job_to(&job)), Ok(job));
        }
        assert_eq!(
            print_job_to(&PrintJob {
                kind: PrintKind::Receipt,
                payload: PrintPayload::Text("r".into()),
                copies: 1
            }),
            json!({"kind": "receipt", "copies": 1, "payload": {"type": "text", "text": "r"}})
        );

        let tallies = vec![ContestTally {
            contest: "mayor".into(),
            counts: vec![OptionCount {
                option: "a".into(),
                count: 3,
            }],
            invalid: 1,
        }];
        assert_eq!(tallies_from(&tallies_to(&tallies)), Ok(tallies));
        let ballot = BallotMarks {
            contests: vec![ContestMarks {
                contest: "c".into(),
                options: vec!["x".into()],
            }],
        };
        assert_eq!(ballot_from(&ballot_to(&ballot)), Ok(ballot));
        let content = MonitorContent {
            station: Some("1001".into()),
            photo: Some(Photo {
                media_type: "image/png".into(),
                data: vec![1],
            }),
            ..MonitorContent::default()
        };
        assert_eq!(monitor_from(&monitor_to(&content)), Ok(content));
        let key = PublicKey {
            algorithm: SignatureAlgorithm::Ed25519,
            bytes: vec![7; 32],
        };
        assert_eq!(public_key_from(&public_key_to(&key)), Ok(key));
        assert_eq!(score_from(&json!({"score": 100})), Ok(MatchScore::new(100)));
        assert!(score_from(&json!({"score": 101})).is_err());
        assert_eq!(
            code_from::<FaultCode>("out-of-paper"),
            Some(FaultCode::OutOfPaper)
        );
        assert_eq!(code_of(&FaultCode::NotResponding), "not-responding");
    }

    #[test]
    fn errors_round_trip_and_unknown_codes_are_protocol_errors() {
        let id = "dev";
        let device_errors = [
            DeviceError::Absent(id.into()),
            DeviceError::Busy(id.into()),
            DeviceError::Timeout(id.into()),
            DeviceError::Cancelled(id.into()),
            DeviceError::Fault {
                id: id.into(),
                fault: FaultCode::Jammed,
            },
            DeviceError::Unsupported {
                id: id.into(),
                what: "aeu.feed".into(),
            },
        ];
        for error in device_errors {
            assert_eq!(DeviceError::from_wire(id, error.to_wire()), error);
        }
        let printer = [
            PrinterError::Jammed {
                job: JobId(5),
                copies_printed: 1,
            },
            PrinterError::OutOfPaper {
                job: JobId(6),
                copies_printed: 0,
            },
            PrinterError::UnsupportedJob(PrintKind::Document),
            PrinterError::InvalidJob("no copies".into()),
        ];
        for error in printer {
            assert_eq!(PrinterError::from_wire(id, error.to_wire()), error);
        }
        let card = [
            SmartCardError::Absent,
            SmartCardError::WrongPin { attempts_left: 2 },
            SmartCardError::Blocked,
            SmartCardError::Unregistered,
            SmartCardError::PinRequired,
        ];
        for error in card {
            assert_eq!(SmartCardError::from_wire(id, error.to_wire()), error);
        }
        let finger = [
            FingerprintError::NoFinger,
            FingerprintError::LowQuality {
                quality: Quality::new(20),
            },
            FingerprintError::NoMatch {
                score: MatchScore::new(3),
            },
            FingerprintError::InvalidTemplate,
        ];
        for error in finger {
            assert_eq!(FingerprintError::from_wire(id, error.to_wire()), error);
        }
        for error in [
            FaceError::NoFace,
            FaceError::NoMatch {
                score: MatchScore::new(1),
            },
            FaceError::InvalidReference,
        ] {
            assert_eq!(FaceError::from_wire(id, error.to_wire()), error);
        }
        for error in [AeuError::Failed, AeuError::Rejected] {
            assert_eq!(AeuError::from_wire(id, error.to_wire()), error);
        }
        for error in [DocumentError::NoDocument, DocumentError::Unreadable] {
            assert_eq!(DocumentError::from_wire(id, error.to_wire()), error);
        }
        assert!(matches!(
            AeuError::from_wire(id, WireError::new("melted", "?")),
            AeuError::Device(DeviceError::Protocol { .. })
        ));
        assert!(matches!(
            SmartCardError::from_wire(id, WireError::new("wrong-pin", "no count")),
            SmartCardError::Device(DeviceError::Protocol { .. })
        ));
        assert!(matches!(
            DeviceError::from_wire(
                id,
                WireError::new("fault", "?").with_data(json!({"fault": "on-fire"}))
            ),
            DeviceError::Protocol { .. }
        ));
    }

    #[test]
    fn every_kind_has_methods_and_every_method_a_kind() {
        for kind in DeviceKind::ALL {
            for method in methods_of(kind) {
                assert!(kinds_of(method).contains(&kind));
                assert!(method.starts_with(kind.code()) || *method == "printer.print");
            }
        }
        assert_eq!(
            kinds_of("printer.print"),
            vec![DeviceKind::BallotPrinter, DeviceKind::DocumentPrinter]
        );
        assert!(kinds_of("hello").is_empty());
    }
}
