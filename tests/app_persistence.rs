//! The saved-model library against a store shared by "tabs" (sessions): no tab overwrites a
//! newer save or a deletion made elsewhere, ids are never reused, a damaged or newer index is
//! healed or left alone without losing a model, and a full store never loses the open model.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use pooled_budgets::app::persistence::{
    self, open_library, read_model, save, Elsewhere, SaveProblem, Store,
};
use pooled_budgets::codec::library::{self, INDEX_KEY};
use pooled_budgets::codec::saved;
use pooled_budgets::model::fixtures::small_model;
use pooled_budgets::platform::storage::StorageProblem;

/// localStorage as a map; `full` refuses writes as a browser does when its quota is used up.
#[derive(Default)]
struct Memory {
    values: RefCell<BTreeMap<String, String>>,
    full: Cell<bool>,
}

impl Store for Memory {
    fn read(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        Ok(self.values.borrow().get(key).cloned())
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageProblem> {
        if self.full.get() {
            return Err(StorageProblem("storage is full".into()));
        }
        self.values
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageProblem> {
        self.values.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Vec<String> {
        self.values.borrow().keys().cloned().collect()
    }
}

impl Memory {
    fn snapshot(&self) -> BTreeMap<String, String> {
        self.values.borrow().clone()
    }
    fn put_model(&self, id: u32, name: &str) {
        let mut model = small_model();
        model.name = name.to_string();
        self.write(&library::model_key(id), &saved::encode(&model))
            .unwrap();
    }
}

fn named(name: &str) -> pooled_budgets::model::Model {
    let mut model = small_model();
    model.name = name.to_string();
    model
}

fn names(store: &Memory) -> Vec<String> {
    let index = library::decode(&store.read(INDEX_KEY).unwrap().unwrap()).unwrap();
    index.models.into_iter().map(|e| e.name).collect()
}

#[test]
fn a_tab_never_saves_over_another_tabs_newer_save() {
    let store = Memory::default();
    let tab1 = open_library(&store, None);
    let tab2 = open_library(&store, None);
    assert_eq!(tab1.session.open, tab2.session.open);

    let tab1_session = save(&store, &tab1.session, &named("Edited in tab 1")).unwrap();
    // Tab 2 last saw the model before tab 1's save: its save is refused, not written.
    let refused = save(&store, &tab2.session, &named("Edited in tab 2"));
    assert_eq!(refused, Err(SaveProblem::ChangedElsewhere));
    let (kept, _) = read_model(&store, tab1.session.open).unwrap();
    assert_eq!(kept.name, "Edited in tab 1");
    // What tab 2 hears from the storage event: the model moved on, with its new revision.
    match persistence::changed_elsewhere(&store, &tab2.session) {
        Some(Elsewhere::Changed(_, revision)) => assert_eq!(revision, tab1_session.revision),
        other => panic!("expected Changed, got {other:?}"),
    }
    // Once tab 2 takes the new revision, its edits save on top of tab 1's.
    let mut caught_up = tab2.session.clone();
    caught_up.revision = tab1_session.revision;
    assert!(save(&store, &caught_up, &named("Both tabs")).is_ok());
}

#[test]
fn a_model_created_in_one_tab_survives_the_other_tabs_saves_and_its_id_is_never_reused() {
    let store = Memory::default();
    let tab1 = open_library(&store, None);
    let tab2 = open_library(&store, None);
    let created = persistence::add(&store, &tab2.session, &named("Made in tab 2")).unwrap();
    // Tab 1 still holds the old list, and saves.
    save(&store, &tab1.session, &named("Tab 1's model")).unwrap();
    assert_eq!(names(&store), ["Tab 1's model", "Made in tab 2"]);
    // Tab 1 creates a model from its stale list: a new id, not tab 2's.
    let made = persistence::add(&store, &tab1.session, &named("Made in tab 1")).unwrap();
    assert_ne!(made.open, created.open);
    assert_eq!(
        read_model(&store, created.open).unwrap().0.name,
        "Made in tab 2"
    );
    // Deleting the newest model and adding again still gives a fresh id.
    let after = persistence::delete(&store, &made, made.open).unwrap();
    let again = persistence::add(&store, &after, &named("Another")).unwrap();
    assert!(again.open > made.open, "{} reused", again.open);
}

#[test]
fn a_deletion_in_one_tab_is_seen_by_the_other_and_never_undone_by_it() {
    let store = Memory::default();
    let tab1 = open_library(&store, None);
    let second = persistence::add(&store, &tab1.session, &named("Second")).unwrap();
    let tab2 = open_library(&store, Some(second.open));
    assert_eq!(tab2.model.name, "Second");
    persistence::delete(&store, &second, second.open).unwrap();
    assert!(matches!(
        persistence::changed_elsewhere(&store, &tab2.session),
        Some(Elsewhere::Deleted(_))
    ));
    assert_eq!(
        save(&store, &tab2.session, &named("Second, edited")),
        Err(SaveProblem::DeletedElsewhere)
    );
    assert!(store
        .read(&library::model_key(second.open))
        .unwrap()
        .is_none());
    assert_eq!(names(&store).len(), 1);
}

#[test]
fn an_unreadable_or_empty_index_is_kept_aside_and_rebuilt_from_the_models_present() {
    for bad in ["{not json", "", r#"{"format":1,"open":1,"models":[]}"#] {
        let store = Memory::default();
        store.put_model(1, "First");
        store.put_model(2, "Second");
        store.write(INDEX_KEY, bad).unwrap();
        let opened = open_library(&store, None);
        assert_eq!(opened.model.name, "First", "index {bad:?}");
        assert_eq!(names(&store), ["First", "Second"], "index {bad:?}");
        assert_eq!(
            store
                .read("pooled-budgets.unreadable.1")
                .unwrap()
                .as_deref(),
            Some(bad)
        );
        assert!(opened.notices.iter().any(|n| n.contains("rebuilt")));
        // Both models untouched.
        assert_eq!(read_model(&store, 2).unwrap().0.name, "Second");
    }
}

#[test]
fn each_unreadable_value_gets_its_own_key() {
    let store = Memory::default();
    store.put_model(1, "First");
    store.write(INDEX_KEY, "damaged once").unwrap();
    open_library(&store, None);
    store.write(INDEX_KEY, "damaged twice").unwrap();
    open_library(&store, None);
    assert_eq!(
        store
            .read("pooled-budgets.unreadable.1")
            .unwrap()
            .as_deref(),
        Some("damaged once")
    );
    assert_eq!(
        store
            .read("pooled-budgets.unreadable.2")
            .unwrap()
            .as_deref(),
        Some("damaged twice")
    );
}

#[test]
fn a_newer_index_opens_read_only_and_nothing_is_written() {
    let store = Memory::default();
    store.put_model(1, "First");
    store.put_model(2, "Second");
    store
        .write(
            INDEX_KEY,
            r#"{"format":2,"open":2,"models":[{"id":1,"name":"First"},{"id":2,"name":"Second"}],"shape":"new"}"#,
        )
        .unwrap();
    let before = store.snapshot();
    let opened = open_library(&store, None);
    assert!(opened.session.read_only.is_some());
    assert_eq!(opened.session.library.models.len(), 2);
    assert!(matches!(
        save(&store, &opened.session, &named("Changed")),
        Err(SaveProblem::Refused(_))
    ));
    assert!(persistence::add(&store, &opened.session, &named("New")).is_err());
    assert_eq!(
        store.snapshot(),
        before,
        "a read-only start wrote to storage"
    );
}

#[test]
fn a_model_missing_from_the_index_is_listed_again() {
    let store = Memory::default();
    let tab = open_library(&store, None);
    store.put_model(7, "Orphan");
    let again = open_library(&store, Some(tab.session.open));
    assert!(again
        .session
        .library
        .models
        .iter()
        .any(|e| e.id == 7 && e.name == "Orphan"));
    let fresh = persistence::add(&store, &again.session, &named("New")).unwrap();
    assert!(fresh.open > 7);
}

#[test]
fn an_unreadable_open_model_is_kept_and_another_opens() {
    let store = Memory::default();
    let tab = open_library(&store, None);
    let second = persistence::add(&store, &tab.session, &named("Readable")).unwrap();
    store
        .write(&library::model_key(tab.session.open), "{broken")
        .unwrap();
    let again = open_library(&store, Some(tab.session.open));
    assert_eq!(again.model.name, "Readable");
    assert_eq!(again.session.open, second.open);
    assert_eq!(
        store
            .read(&library::model_key(tab.session.open))
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    assert!(again.notices.iter().any(|n| n.contains("kept, unchanged")));
}

#[test]
fn a_full_store_refuses_the_save_and_the_open_model_stays_as_it_was() {
    let store = Memory::default();
    let tab = open_library(&store, None);
    let before = store.snapshot();
    store.full.set(true);
    assert!(matches!(
        save(&store, &tab.session, &named("Not saved")),
        Err(SaveProblem::Refused(_))
    ));
    assert!(persistence::add(&store, &tab.session, &named("Not added")).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_model_shown_while_storage_was_full_is_kept_as_a_new_model_at_the_next_save() {
    let store = Memory::default();
    store.full.set(true);
    let opened = open_library(&store, None);
    assert_eq!(opened.session.open, 0);
    store.full.set(false);
    let saved = save(&store, &opened.session, &named("Kept at last")).unwrap();
    assert_ne!(saved.open, 0);
    assert_eq!(
        read_model(&store, saved.open).unwrap().0.name,
        "Kept at last"
    );
}

#[test]
fn a_start_that_never_finished_opens_the_recovery_page_next_time() {
    let store = Memory::default();
    let now = 1_800_000_000_000.0;
    assert!(!persistence::stopped_last_time(&store, now));
    persistence::starting(&store, now);
    // Another tab starting at the same moment is not a stop...
    assert!(!persistence::stopped_last_time(&store, now + 1_000.0));
    // ...but a start still unfinished well after it began is.
    assert!(persistence::stopped_last_time(&store, now + 60_000.0));
    // The marker is whole milliseconds; one an earlier version wrote as a float's text reads
    // the same.
    assert_eq!(
        store.read(library::OPENING_KEY).unwrap().as_deref(),
        Some("1800000000000")
    );
    store
        .write(library::OPENING_KEY, "1800000000000.25")
        .unwrap();
    assert!(!persistence::stopped_last_time(&store, now + 1_000.0));
    assert!(persistence::stopped_last_time(&store, now + 60_000.0));
    store.write(library::OPENING_KEY, "not a time").unwrap();
    assert!(persistence::stopped_last_time(&store, now));
    persistence::started(&store);
    assert!(!persistence::stopped_last_time(&store, now));
    store.write(library::CRASHED_KEY, "1").unwrap();
    assert!(persistence::stopped_last_time(&store, now));
    // The recovery page's read-only open never writes.
    let tab = open_library(&store, None);
    let before = store.snapshot();
    let read_only = persistence::open_read_only(&store, tab.session.open).unwrap();
    assert!(save(&store, &read_only.session, &named("Changed")).is_err());
    assert_eq!(store.snapshot(), before);
}

#[test]
fn a_saved_model_beyond_the_limits_is_kept_but_not_opened() {
    let store = Memory::default();
    let tab = open_library(&store, None);
    let mut huge = pooled_budgets::model::fixtures::limits_model();
    let extra = huge.scenarios[0].clone();
    huge.scenarios.push(extra);
    let text = saved::encode(&huge);
    store.write(&library::model_key(9), &text).unwrap();
    let again = open_library(&store, Some(9));
    assert_eq!(again.session.open, tab.session.open);
    assert!(
        again.notices.iter().any(|n| n.contains("?page=recovery")),
        "{:?}",
        again.notices
    );
    assert_eq!(
        store.read(&library::model_key(9)).unwrap().as_deref(),
        Some(text.as_str())
    );
    // The recovery page can still hand it over as it was saved.
    assert_eq!(
        persistence::raw_model(&store, 9).as_deref(),
        Some(text.as_str())
    );
}

#[test]
fn a_saved_model_with_duplicate_ids_opens_renumbered_with_a_notice() {
    let store = Memory::default();
    let mut model = small_model();
    let scenario = &mut model.scenarios[0];
    let copy = scenario.lines[0].clone();
    scenario.lines.push(copy);
    store.put_model(1, "placeholder");
    store
        .write(&library::model_key(1), &saved::encode(&model))
        .unwrap();
    let opened = open_library(&store, None);
    let lines = &opened.model.scenarios[0].lines;
    let mut ids: Vec<_> = lines.iter().map(|l| l.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), lines.len(), "ids still repeat: {ids:?}");
    assert!(!opened.notices.is_empty());
}

#[test]
fn a_link_to_a_model_whose_name_is_taken_opens_named_from_link() {
    use pooled_budgets::codec::link::encode_link;
    let store = Memory::default();
    let mut opened = open_library(&store, None);
    let kept = opened.model.name.clone();
    let link = encode_link(&opened.model, opened.model.base_scenario);
    persistence::open_shared(&store, &mut opened, &link);
    assert_eq!(opened.model.name, format!("{kept} (from link)"));
    // Opened a second time, the marked name is taken too: the copy is numbered.
    persistence::open_shared(&store, &mut opened, &link);
    assert_eq!(opened.model.name, format!("{kept} (from link) (2)"));
    let mut listed = names(&store);
    listed.sort();
    assert_eq!(
        listed,
        [
            kept.clone(),
            format!("{kept} (from link)"),
            format!("{kept} (from link) (2)")
        ]
    );
    // A name nobody has is kept as it is.
    let mut other = named("Only one of these");
    other.scenarios.truncate(1);
    let link = encode_link(&other, other.base_scenario);
    persistence::open_shared(&store, &mut opened, &link);
    assert_eq!(opened.model.name, "Only one of these");
}

// The first screen (`persistence::peek`, src/first.rs) draws the model the modeller is about
// to open, before the modeller starts. It must be that model or nothing, and write nothing.

/// `peek` against what the modeller then opens from the same storage: the same model when
/// `peek` has one (and the modeller has nothing to say about it), and storage untouched by
/// `peek`. Returns `peek`'s model.
fn peek_then_open(store: &Memory, tab_open: Option<u32>) -> Option<pooled_budgets::model::Model> {
    let before = store.snapshot();
    let peeked = persistence::peek(store, tab_open, 1.0e12);
    assert_eq!(store.snapshot(), before, "peek wrote to storage");
    let opened = persistence::open_library_unwritten(store, tab_open);
    if let Some(model) = &peeked {
        assert_eq!(
            model, &opened.model,
            "the first screen showed another model"
        );
        assert!(
            opened.notices.is_empty(),
            "the first screen drew a start the modeller has something to say about: {:?}",
            opened.notices
        );
    }
    peeked
}

/// A saved model of format `version` from a golden link's JSON (`{"selected", "model"}`).
fn golden_saved_model(file: &str) -> String {
    let text = std::fs::read_to_string(format!("tests/golden/{file}")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    serde_json::to_string(&value["model"]).unwrap()
}

#[test]
fn the_first_screen_shows_the_template_on_a_first_visit_and_the_open_model_after() {
    let store = Memory::default();
    let first = peek_then_open(&store, None).expect("a first visit has a first screen");
    assert_eq!(first, persistence::starter());

    // Three models; the index remembers the second as opened last, this tab had the third.
    let tab = open_library(&store, None);
    let second = persistence::add(&store, &tab.session, &named("Second")).unwrap();
    let third = persistence::add(&store, &second, &named("Third")).unwrap();
    let _ = persistence::switch(&store, &third, second.open);
    assert_eq!(peek_then_open(&store, None).unwrap().name, "Second");
    assert_eq!(
        peek_then_open(&store, Some(third.open)).unwrap().name,
        "Third"
    );
    // A tab's model deleted meanwhile: the one opened last, as the modeller does.
    assert_eq!(peek_then_open(&store, Some(99)).unwrap().name, "Second");
}

#[test]
fn the_first_screen_reads_every_format_since_2_with_the_same_figures() {
    for (file, version) in [
        ("link-v2-schemes.json", 2),
        ("link-v2-reference.json", 2),
        ("link-v3-everything.json", 5),
    ] {
        let store = Memory::default();
        let text = golden_saved_model(file);
        assert!(
            text.contains(&format!("\"schema_version\":{version}")),
            "{file}"
        );
        store.write(&library::model_key(1), &text).unwrap();
        let index = library::Library::with_first("From a golden file");
        store.write(INDEX_KEY, &library::encode(&index)).unwrap();
        let peeked =
            peek_then_open(&store, None).unwrap_or_else(|| panic!("{file}: no first screen"));
        assert_eq!(peeked, saved::decode(&text).unwrap(), "{file}");
    }
}

#[test]
fn the_first_screen_leaves_every_unusual_start_to_the_modeller() {
    let with_one = || {
        let store = Memory::default();
        let _ = open_library(&store, None);
        assert!(peek_then_open(&store, None).is_some());
        store
    };
    let one_id = |store: &Memory| {
        library::decode(&store.read(INDEX_KEY).unwrap().unwrap())
            .unwrap()
            .open
    };

    // The last start stopped: the recovery page opens instead.
    let store = with_one();
    store.write(library::CRASHED_KEY, "1").unwrap();
    assert_eq!(peek_then_open(&store, None), None, "after a stop");

    // A damaged index beside a model: the modeller rebuilds it and says so.
    let store = with_one();
    store.write(INDEX_KEY, "{ not json").unwrap();
    assert_eq!(peek_then_open(&store, None), None, "a damaged index");

    // An index from a newer version: read-only, with a notice.
    let store = with_one();
    let newer = store
        .read(INDEX_KEY)
        .unwrap()
        .unwrap()
        .replace("\"format\":1", "\"format\":9");
    store.write(INDEX_KEY, &newer).unwrap();
    assert_eq!(peek_then_open(&store, None), None, "a newer index");

    // A model saved but missing from the index: listed again, with a notice.
    let store = with_one();
    store.put_model(40, "Not listed");
    assert_eq!(
        peek_then_open(&store, None),
        None,
        "a model missing from the index"
    );

    // Format 1 (migrated by the modeller only) and a model that needs its ids repaired.
    let store = with_one();
    let v1 = std::fs::read_to_string("tests/golden/model-v1-documented.json").unwrap();
    store
        .write(&library::model_key(one_id(&store)), &v1)
        .unwrap();
    assert_eq!(peek_then_open(&store, None), None, "format 1");
    let store = with_one();
    let mut twice = small_model();
    let copy = twice.scenarios[0].partners[0].clone();
    twice.scenarios[0].partners.push(copy);
    store
        .write(&library::model_key(one_id(&store)), &saved::encode(&twice))
        .unwrap();
    assert_eq!(peek_then_open(&store, None), None, "duplicate ids");

    // The first choice unreadable: the modeller opens the next and says why.
    let store = with_one();
    store
        .write(
            &library::model_key(one_id(&store)),
            "{\"schema_version\":5}",
        )
        .unwrap();
    assert_eq!(peek_then_open(&store, None), None, "an unreadable model");

    // An earlier build's single model, adopted by the modeller.
    let store = Memory::default();
    store
        .write(saved::STORAGE_KEY, &saved::encode(&small_model()))
        .unwrap();
    assert_eq!(
        peek_then_open(&store, None),
        None,
        "an earlier build's model"
    );
}
