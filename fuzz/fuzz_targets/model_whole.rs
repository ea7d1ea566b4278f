//! Whole models through everything the app does with one (tests/pipeline/mod.rs: validate, the
//! limits, repairing duplicate ids, compute, the charts, compare, options side by side and the
//! stress test). The first byte chooses how the model is made: the rest as a model file's bytes
//! (JSON through the file reader), or an example model changed by the rest
//! (tests/pipeline/mutate.rs). It must never panic, and a model validate accepts must compute.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pooled_budgets::codec::model_file::{self, Opened};

#[path = "../../tests/pipeline/mutate.rs"]
mod mutate;
#[path = "../../tests/pipeline/mod.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let model = match mode % 4 {
        0 => match model_file::decode(rest) {
            Opened::Model(model) | Opened::Incomplete(model, _) => model,
            Opened::Refused(_) => return,
        },
        // Not the large example: seconds per run would leave the fuzzer few runs.
        _ => mutate::mutated(rest, false),
    };
    pipeline::run(&model);
});

