//! The simulated smart card: a real Ed25519 key derived from the seed, a PIN with a
//! retry counter that blocks the card, removal and insertion.

use std::sync::{Mutex, MutexGuard, PoisonError};

use driver_api::{
    DeviceError, DeviceKind, DeviceState, FaultCode, PublicKey, Signature, SignatureAlgorithm,
    SmartCard, SmartCardError,
};
use ring::signature::{Ed25519KeyPair, KeyPair};

use super::engine::{Interrupt, SimCore, SimOptions, no_wait};
use super::rng::SplitMix64;

/// The PIN of a simulated card unless set otherwise.
pub const DEFAULT_PIN: &str = "1234";
/// Wrong PINs a card takes before it blocks.
pub const PIN_ATTEMPTS: u8 = 3;

#[derive(Debug)]
struct Card {
    pin: String,
    attempts_left: u8,
    registered: bool,
    /// The removal generation in which the PIN was verified.
    verified_in: Option<u64>,
    /// The repair generation last seen: a repair (an unblocking) resets the counter.
    repairs_seen: u64,
}

/// A card reader with a card in it. Signing is a step; a natural failure is a timeout.
#[derive(Debug)]
pub struct SimSmartCard {
    pub(crate) core: SimCore,
    key: Ed25519KeyPair,
    card: Mutex<Card>,
}

impl SimSmartCard {
    pub fn new(id: &str, reserve: bool, seed: u64, options: &SimOptions) -> SimSmartCard {
        let mut rng = SplitMix64::new(seed ^ 0x5EED_CA4D);
        let mut key_seed = [0u8; 32];
        for chunk in key_seed.chunks_mut(8) {
            chunk.copy_from_slice(&rng.next_u64().to_le_bytes());
        }
        // A seed of 32 bytes always makes a key; the check is ring's, not ours.
        #[allow(clippy::expect_used)]
        let key = Ed25519KeyPair::from_seed_unchecked(&key_seed).expect("a 32-byte Ed25519 seed");
        SimSmartCard {
            core: SimCore::new(id, DeviceKind::SmartCard, reserve, seed, options),
            key,
            card: Mutex::new(Card {
                pin: DEFAULT_PIN.to_owned(),
                attempts_left: PIN_ATTEMPTS,
                registered: true,
                verified_in: None,
                repairs_seen: 0,
            }),
        }
    }

    pub fn core(&self) -> &SimCore {
        &self.core
    }

    /// The card's state, brought up to date with repairs (unblocking) since last seen.
    fn card(&self) -> MutexGuard<'_, Card> {
        let (repairs, _) = self.core.generations();
        let mut card = self.card.lock().unwrap_or_else(PoisonError::into_inner);
        if card.repairs_seen != repairs {
            card.repairs_seen = repairs;
            card.attempts_left = PIN_ATTEMPTS;
        }
        card
    }

    pub fn set_pin(&self, pin: &str) {
        self.card().pin = pin.to_owned();
    }

    /// An unregistered card holds no key the station may use.
    pub fn set_registered(&self, registered: bool) {
        self.card().registered = registered;
    }

    pub fn attempts_left(&self) -> u8 {
        self.card().attempts_left
    }

    /// Takes the card out: the device is absent and the PIN must be entered again.
    pub fn remove_card(&self) {
        self.core.inject_fault(FaultCode::Disconnected);
    }

    /// Puts the card back in (still blocked if it was).
    pub fn insert_card(&self) {
        let blocked = self.card().attempts_left == 0;
        if blocked {
            self.core
                .set_condition(DeviceState::Fault, Some(FaultCode::Blocked));
        } else {
            self.core.set_condition(DeviceState::Ready, None);
        }
    }

    fn refuse(&self, interrupt: Interrupt) -> SmartCardError {
        match interrupt {
            Interrupt::Absent => SmartCardError::Absent,
            Interrupt::Fault(FaultCode::Blocked) => SmartCardError::Blocked,
            other => SmartCardError::Device(other.into_device_error(self.core.id())),
        }
    }

    fn verified(&self, card: &Card) -> bool {
        let (_, removals) = self.core.generations();
        card.verified_in == Some(removals)
    }
}

impl SmartCard for SimSmartCard {
    fn present(&self) -> Result<bool, DeviceError> {
        match self.core.check() {
            Err(Interrupt::Absent) => Ok(false),
            Ok(()) | Err(Interrupt::Fault(_)) => Ok(true),
            Err(other) => Err(other.into_device_error(self.core.id())),
        }
    }

    fn verify_pin(&self, pin: &str) -> Result<(), SmartCardError> {
        self.core.check().map_err(|i| self.refuse(i))?;
        let mut card = self.card();
        if card.attempts_left == 0 {
            return Err(SmartCardError::Blocked);
        }
        if card.pin != pin {
            card.attempts_left -= 1;
            card.verified_in = None;
            if card.attempts_left == 0 {
                drop(card);
                self.core
                    .set_condition(DeviceState::Fault, Some(FaultCode::Blocked));
                return Err(SmartCardError::Blocked);
            }
            return Err(SmartCardError::WrongPin {
                attempts_left: card.attempts_left,
            });
        }
        card.attempts_left = PIN_ATTEMPTS;
        let (_, removals) = self.core.generations();
        card.verified_in = Some(removals);
        Ok(())
    }

    fn sign(&self, message: &[u8]) -> Result<Signature, SmartCardError> {
        let step = self
            .core
            .begin_step(&no_wait())
            .map_err(|i| self.refuse(i))?;
        let card = self.card();
        if !card.registered {
            return Err(SmartCardError::Unregistered);
        }
        if !self.verified(&card) {
            return Err(SmartCardError::PinRequired);
        }
        if step.fail {
            return Err(SmartCardError::Device(DeviceError::Timeout(
                self.core.id().to_owned(),
            )));
        }
        Ok(Signature {
            algorithm: SignatureAlgorithm::Ed25519,
            bytes: self.key.sign(message).as_ref().to_vec(),
        })
    }

    fn public_key(&self) -> Result<PublicKey, SmartCardError> {
        self.core.check().map_err(|i| self.refuse(i))?;
        if !self.card().registered {
            return Err(SmartCardError::Unregistered);
        }
        Ok(PublicKey {
            algorithm: SignatureAlgorithm::Ed25519,
            bytes: self.key.public_key().as_ref().to_vec(),
        })
    }
}
