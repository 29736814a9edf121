//! Confirmation across frames: a reading is confirmed only when consecutive accepted
//! frames agree on every character.

/// Confirms a reading once `needed` accepted frames in a row agree. A different accepted
/// reading starts over; more than `patience` frames without an acceptance start over too.
#[derive(Debug, Clone)]
pub struct Confirmer<T: PartialEq + Clone> {
    needed: usize,
    patience: usize,
    current: Option<T>,
    agreeing: usize,
    misses: usize,
}

impl<T: PartialEq + Clone> Confirmer<T> {
    /// `needed` ≥ 1 agreeing acceptances; at most `patience` rejected frames between them.
    pub fn new(needed: usize, patience: usize) -> Confirmer<T> {
        Confirmer { needed: needed.max(1), patience, current: None, agreeing: 0, misses: 0 }
    }

    /// Feed one frame's outcome (`None` = nothing accepted); the confirmed reading when
    /// this frame completes the agreement.
    pub fn push(&mut self, accepted: Option<T>) -> Option<T> {
        match accepted {
            None => {
                self.misses += 1;
                if self.misses > self.patience {
                    self.reset();
                }
                None
            }
            Some(value) => {
                self.misses = 0;
                if self.current.as_ref() == Some(&value) {
                    self.agreeing += 1;
                } else {
                    self.current = Some(value);
                    self.agreeing = 1;
                }
                if self.agreeing >= self.needed {
                    let confirmed = self.current.clone();
                    self.reset();
                    confirmed
                } else {
                    None
                }
            }
        }
    }

    /// Forget everything seen.
    pub fn reset(&mut self) {
        self.current = None;
        self.agreeing = 0;
        self.misses = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_agreeing_frames_confirm_and_a_disagreeing_one_starts_over() {
        let mut c = Confirmer::new(2, 3);
        assert_eq!(c.push(Some("A")), None);
        assert_eq!(c.push(Some("B")), None);
        assert_eq!(c.push(None), None);
        assert_eq!(c.push(Some("B")), Some("B"));
        assert_eq!(c.push(Some("B")), None);
        for _ in 0..4 {
            assert_eq!(c.push(None), None);
        }
        assert_eq!(c.push(Some("B")), None, "patience ran out: B must be seen twice again");
        assert_eq!(c.push(Some("B")), Some("B"));
    }
}
