//! Which of the grid's rows are drawn. A plan of 200 schemes is 200 rows of some 38 inputs and
//! selects; drawing them all made the browser's style and layout of every edit slow
//! (docs/benchmarks.md, 4). So the grid draws the rows in view in its scrolling box and a
//! margin either side, so that arrow keys, Enter and Tab always find the next row already
//! drawn, plus the row that has focus and its neighbours, wherever the box is scrolled to.
//! Empty rows of the right height stand in for the others, so the box scrolls as if all were
//! there; the table says how many rows it has (`aria-rowcount`) and where each drawn row is
//! (`aria-rowindex`). This module is the arithmetic; the grid measures the box.

/// Rows drawn beyond those in view, above and below.
pub const MARGIN: usize = 8;
/// Rows drawn before the box has been measured (its first frame; and natively, where it never is).
pub const FIRST_DRAWN: usize = 40;
/// A row's height in pixels until one has been measured.
pub const ROW_ESTIMATE: f64 = 37.0;

/// The grid's scrolling box as last measured, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// How far the box is scrolled down.
    pub scroll_top: f64,
    /// The height of the box's visible part.
    pub height: f64,
    /// The height of the header row, above the first scheme.
    pub head: f64,
    /// The height of one row (the smallest drawn: a row showing an error is taller).
    pub row: f64,
}

/// Rows `start..end` (0 is the first scheme).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    fn clamp(self, rows: usize) -> Span {
        Span {
            start: self.start.min(rows),
            end: self.end.min(rows),
        }
    }
}

impl Viewport {
    /// The rows at least partly in view.
    pub fn in_view(&self) -> Span {
        let row = if self.row >= 1.0 {
            self.row
        } else {
            ROW_ESTIMATE
        };
        let top = (self.scroll_top - self.head).max(0.0);
        let bottom = (self.scroll_top + self.height - self.head).max(0.0);
        let start = (top / row).floor() as usize;
        let end = (bottom / row).ceil() as usize;
        Span {
            start,
            end: end.max(start + 1),
        }
    }
}

/// The rows to draw for the rows in `view`: those and `MARGIN` either side.
pub fn around(view: Span) -> Span {
    Span {
        start: view.start.saturating_sub(MARGIN),
        end: view.end + MARGIN,
    }
}

/// The rows to draw so that `row` is among them with the margin around it, keeping as many
/// rows as `drawn` had (moving to a row far away, such as a checklist link).
pub fn around_row(row: usize, drawn: Span) -> Span {
    let size = (drawn.end - drawn.start).max(2 * MARGIN + 1);
    let start = row.saturating_sub(size / 2);
    Span {
        start,
        end: start + size,
    }
}

/// Whether the rows drawn still reach half the margin beyond those in view (of `rows` in all);
/// if not, the grid draws afresh `around` the view. Scrolling redraws every few rows, not every
/// row.
pub fn covers(drawn: Span, view: Span, rows: usize) -> bool {
    let half = MARGIN / 2;
    let need = Span {
        start: view.start.saturating_sub(half),
        end: view.end + half,
    }
    .clamp(rows);
    drawn.start <= need.start && drawn.end >= need.end
}

/// What to draw of `rows` rows: `drawn`, and each row of `keep` (the row with focus, the row
/// focus is going to) with its neighbours (Tab and Shift+Tab from it reach the rows either side).
/// Sorted runs of rows that do not touch; the gaps between them are drawn as empty rows of the
/// right height.
pub fn runs(drawn: Span, keep: &[usize], rows: usize) -> Vec<Span> {
    let drawn = drawn.clamp(rows);
    let near = keep.iter().filter(|row| **row < rows).map(|&row| {
        Span {
            start: row.saturating_sub(1),
            end: row + 2,
        }
        .clamp(rows)
    });
    let mut runs: Vec<Span> = std::iter::once(drawn)
        .chain(near)
        .filter(|run| run.start < run.end)
        .collect();
    crate::model::order::sort_by_key(&mut runs, |run| run.start as u64);
    let mut merged: Vec<Span> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last) if run.start <= last.end => last.end = last.end.max(run.end),
            _ => merged.push(run),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIEW: Viewport = Viewport {
        scroll_top: 0.0,
        height: 560.0,
        head: 72.0,
        row: 40.0,
    };

    #[test]
    fn the_rows_in_view_follow_the_scroll_position() {
        assert_eq!(VIEW.in_view(), Span { start: 0, end: 13 });
        let scrolled = Viewport {
            scroll_top: 72.0 + 40.0 * 100.0 + 20.0,
            ..VIEW
        };
        assert_eq!(
            scrolled.in_view(),
            Span {
                start: 100,
                end: 115
            }
        );
        assert_eq!(
            around(scrolled.in_view()),
            Span {
                start: 100 - MARGIN,
                end: 115 + MARGIN
            }
        );
    }

    #[test]
    fn an_unmeasured_row_height_falls_back_to_the_estimate() {
        let view = Viewport { row: 0.0, ..VIEW };
        assert_eq!(view.in_view().start, 0);
        assert!(view.in_view().end > 1);
    }

    #[test]
    fn scrolling_a_row_or_two_draws_nothing_new_but_scrolling_past_half_the_margin_does() {
        let view = Span { start: 50, end: 65 };
        let drawn = around(view);
        assert!(covers(drawn, Span { start: 52, end: 67 }, 200));
        assert!(!covers(drawn, Span { start: 60, end: 75 }, 200));
        // At the end of the grid there is nothing more to draw.
        let last = Span {
            start: 190,
            end: 200,
        };
        assert!(covers(
            around(last),
            Span {
                start: 192,
                end: 203
            },
            200
        ));
    }

    #[test]
    fn the_focused_row_and_its_neighbours_stay_drawn_wherever_the_box_is_scrolled() {
        let drawn = Span {
            start: 100,
            end: 130,
        };
        assert_eq!(
            runs(drawn, &[3], 200),
            vec![
                Span { start: 2, end: 5 },
                Span {
                    start: 100,
                    end: 130
                }
            ]
        );
        // Next to the drawn rows, one run.
        assert_eq!(
            runs(drawn, &[130], 200),
            vec![Span {
                start: 100,
                end: 132
            }]
        );
        // A focused row that is gone (removed) or the last row.
        assert_eq!(runs(drawn, &[250], 200), vec![drawn]);
        assert_eq!(
            runs(Span { start: 0, end: 40 }, &[13], 14),
            vec![Span { start: 0, end: 14 }]
        );
        assert_eq!(runs(Span { start: 0, end: 40 }, &[], 0), vec![]);
    }

    #[test]
    fn moving_to_a_far_row_draws_around_it() {
        let drawn = around_row(180, Span { start: 0, end: 31 });
        assert!(drawn.start <= 180 && 180 < drawn.end);
        assert_eq!(drawn.end - drawn.start, 31);
        assert_eq!(
            around_row(
                2,
                Span {
                    start: 100,
                    end: 131
                }
            )
            .start,
            0
        );
    }
}
