//! A small seeded generator (SplitMix64): deterministic, dependency-free, good enough to
//! draw simulated delays, qualities and scores. Never for keys: the smart card's key is
//! derived from its output and is a training key, not a secret.

#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `low..=high` (the bounds may come in either order).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        let (low, high) = if low <= high {
            (low, high)
        } else {
            (high, low)
        };
        let span = high - low;
        if span == u64::MAX {
            return self.next_u64();
        }
        low + self.next_u64() % (span + 1)
    }

    /// A percentage-like byte in `low..=high`.
    pub fn byte_between(&mut self, low: u8, high: u8) -> u8 {
        u8::try_from(self.between(u64::from(low), u64::from(high))).unwrap_or(high)
    }

    /// True with probability `p` (clamped to 0–1).
    pub fn chance(&mut self, p: f64) -> bool {
        if p <= 0.0 {
            return false;
        }
        if p >= 1.0 {
            return true;
        }
        #[allow(clippy::cast_precision_loss)]
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        unit < p
    }
}

/// Mixes a station seed with a device id, so that each device has its own stream and
/// one device's calls never shift another's draws.
pub fn device_seed(station_seed: u64, id: &str) -> u64 {
    // FNV-1a over the id, then one SplitMix step over both.
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for byte in id.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01B3);
    }
    SplitMix64::new(station_seed ^ hash.rotate_left(17)).next_u64()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_bounds_hold() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..1000 {
            let x = a.between(10, 20);
            assert_eq!(x, b.between(10, 20));
            assert!((10..=20).contains(&x));
        }
        assert!(!a.chance(0.0));
        assert!(a.chance(1.0));
        assert_ne!(device_seed(1, "camera"), device_seed(1, "qr-reader"));
        assert_ne!(device_seed(1, "camera"), device_seed(2, "camera"));
    }

    #[test]
    fn chance_is_roughly_fair() {
        let mut rng = SplitMix64::new(42);
        let hits = (0..10_000).filter(|_| rng.chance(0.25)).count();
        assert!((2_000..3_000).contains(&hits), "{hits}");
    }
}
