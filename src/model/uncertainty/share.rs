//! A run split between workers: each runs the one random stream in full, in order, but settles
//! and records only its share of the draws; the shares' records, put back in draw order, are
//! exactly what one run records, so the figures are the same to the penny whatever the split
//! (docs/uncertainty.md, "Where it runs").

/// Which draws a part settles: those whose index (from 0) leaves `part` over when divided by
/// `of`. [`Share::WHOLE`] is every draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    part: u32,
    of: u32,
}

impl Share {
    /// One part doing every draw.
    pub const WHOLE: Share = Share { part: 0, of: 1 };

    /// Part `part` of `of` (from 0); `None` unless `part < of`.
    pub fn new(part: u32, of: u32) -> Option<Share> {
        (part < of).then_some(Share { part, of })
    }

    pub fn part(self) -> u32 {
        self.part
    }

    pub fn of(self) -> u32 {
        self.of
    }

    /// Whether draw `index` (from 0) is this part's.
    pub fn takes(self, index: u32) -> bool {
        index % self.of == self.part
    }

    /// How many of `draws` draws are this part's.
    pub fn count(self, draws: u32) -> u32 {
        draws / self.of + u32::from(draws % self.of > self.part)
    }
}

/// What one part recorded for one option: its draws' figures in pence, in draw order, one
/// series per recorded figure (each partner's, then each pool's, as the summary keeps them),
/// and per pool how many of its draws used up the reserve.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartRecord {
    pub count: u32,
    pub series: Vec<Vec<i64>>,
    pub reserve_used_up: Vec<u32>,
}

/// Why a part stopped: the option (its position in the model) and draw (from 1; 0 before the
/// first) where it did, and the problem in words as the whole run gives it. Of several parts'
/// failures, the earliest is the one a single run meets first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartFailure {
    pub option: u32,
    pub draw: u32,
    pub message: String,
}

/// What a part gives back: a record per option, or where it stopped.
pub type PartOutcome = Result<Vec<PartRecord>, PartFailure>;

#[cfg(test)]
mod tests {
    use super::Share;

    #[test]
    fn every_draw_is_in_exactly_one_share_and_the_counts_add_up() {
        for of in 1..=5 {
            for draws in [0, 1, 2, 3, 4, 5, 7, 1_000, 1_001, 20_000] {
                let shares: Vec<Share> = (0..of).filter_map(|part| Share::new(part, of)).collect();
                assert_eq!(shares.len(), of as usize);
                for index in 0..draws {
                    assert_eq!(shares.iter().filter(|s| s.takes(index)).count(), 1);
                }
                for share in &shares {
                    let taken = (0..draws).filter(|i| share.takes(*i)).count() as u32;
                    assert_eq!(share.count(draws), taken, "{share:?} of {draws}");
                }
            }
        }
        assert_eq!(Share::new(2, 2), None);
        assert_eq!(Share::new(0, 0), None);
    }
}
