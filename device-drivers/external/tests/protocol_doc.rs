//! docs/external-driver-protocol.md is the contract vendors build against: it must name
//! every method, error code, device kind and fault the code knows.

use driver_api::{DeviceKind, FaultCode};
use external::wire;

fn doc() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/external-driver-protocol.md"
    );
    std::fs::read_to_string(path).expect("the protocol document")
}

#[test]
fn the_document_names_every_method_error_kind_and_fault() {
    let doc = doc();
    let mut missing = Vec::new();
    let mut expect = |name: String| {
        if !doc.contains(&format!("`{name}`")) {
            missing.push(name);
        }
    };
    for method in wire::COMMON_METHODS {
        expect((*method).to_owned());
    }
    for kind in DeviceKind::ALL {
        for method in wire::methods_of(kind) {
            expect((*method).to_owned());
            for code in wire::method_error_codes(method) {
                expect((*code).to_owned());
            }
        }
    }
    for code in wire::COMMON_ERROR_CODES.iter().chain(&[
        "invalid-request",
        "unknown-method",
        "unsupported-protocol",
    ]) {
        expect((*code).to_owned());
    }
    for fault in [
        FaultCode::Jammed,
        FaultCode::OutOfPaper,
        FaultCode::Disconnected,
        FaultCode::NotResponding,
        FaultCode::Broken,
        FaultCode::Blocked,
    ] {
        expect(wire::code_of(&fault));
    }
    for kind in DeviceKind::ALL {
        expect(kind.code().to_owned());
    }
    assert!(
        missing.is_empty(),
        "docs/external-driver-protocol.md does not mention: {missing:?}"
    );
    assert!(doc.contains(&format!("protocol version **{}**", wire::PROTOCOL_VERSION)));
}
