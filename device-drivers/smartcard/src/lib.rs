//! # smartcard — the chair's smart card (R4.4)
//!
//! At a remote-voting station a duplicate of a spoiled ballot is printed only under the
//! chair's card: the chair enters the PIN, the card signs the act. This crate is that
//! card behind `driver_api::SmartCard`.
//!
//! ## What it owns
//!
//! * **The card through PKCS#11** ([`Pkcs11Card`], with `cryptoki`): the token found by
//!   its label, the PIN checked by `C_Login`, acts signed with Ed25519 (`CKM_EDDSA`), or
//!   ECDSA P-256 when the card has no Ed25519 key (the [`driver_api::Signature`] says
//!   which), the public key read from `CKA_EC_POINT`. Any module works: a real card
//!   through OpenSC or its vendor's module, SoftHSM2 for training and tests.
//! * **Its own PIN attempt counter**, per token serial, in a file that survives a
//!   restart: SoftHSM2 never locks a PIN and a token need not say how many tries are
//!   left, so the driver refuses as `Blocked` after [`Pkcs11Config::pin_attempts`] wrong
//!   PINs whatever the token does (and also when the token says its PIN is locked).
//!   ARCHITECTURE.md, "Smart card", says why.
//! * **The readers through PC/SC** ([`PcscReaders`], with `pcsc`): which readers are
//!   plugged in and hold a card. Without `pcscd` or a reader the answer is an empty list
//!   and an `Absent` state.
//! * **The device status** ([`Pkcs11Card`] is a `driver_api::Device`): no module file or
//!   no configured reader is `Absent`; a module that answers with no card is `Ready`
//!   with `present() == false`; a blocked card is `Fault(Blocked)`. Attached to a
//!   `StatusBoard`, the driver looks at the card every second and reports changes.
//! * **Registration** ([`register`]): the card's public key and its [`Fingerprint`]
//!   (SHA-256, the first 16 hex digits grouped to be read aloud) for the journal.
//!
//! ## What it must never do
//!
//! Keep or log a PIN (it goes straight to `C_Login` in a zeroised buffer); sign without
//! a PIN verified since the card was inserted; try a PIN it cannot count (a damaged or
//! unwritable attempt file refuses the card as `Fault(Broken)`); unblock a card (the
//! CEC does that; [`Pkcs11Card::reset_attempts`] is for trainers and tests); panic or
//! hang on a missing module, reader or card; call `C_Finalize` (the module is shared by
//! the whole process); know what is being signed, or depend on a project crate other
//! than `driver-api`.

mod attempts;
mod card;
mod der;
mod readers;
mod registration;

pub use card::{KeyRef, Pkcs11Card, Pkcs11Config};
pub use readers::{PcscReaders, PcscService, Reader, ReaderList};
pub use registration::{Fingerprint, Registration, register};
