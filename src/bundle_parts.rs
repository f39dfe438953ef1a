//! The parts of a bundle that arrive after its cards. In the split layout that `recap build`
//! writes, `bundle.json` is only the card index; the full-text search index is fetched as soon
//! as the first cards are on screen, and each notes chunk when a talk of it is opened or a search
//! shows an excerpt of its notes. An inline bundle (tests, single-file embeds) has both from the
//! start, so the rest of the app never asks which layout it got.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use recap_bundle::{Bundle, BundleFiles, NotesChunk, SearchIndex, Talk};

use crate::bundle_source::{LoadError, fetch_bundle_file};

/// A part that may still be on its way.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival<T> {
    Pending,
    Ready(T),
    Failed(LoadError),
}

impl<T> Arrival<T> {
    /// The part, once it is there.
    pub fn ready(&self) -> Option<&T> {
        match self {
            Arrival::Ready(part) => Some(part),
            _ => None,
        }
    }
}

/// The search index and the notes of a loaded bundle, however it was laid out.
#[derive(Clone)]
pub struct BundleParts {
    inner: Arc<Parts>,
}

struct Parts {
    /// The split layout's files and the absolute URL they are relative to; `None` when inline.
    files: Option<(BundleFiles, String)>,
    search: RwSignal<Arrival<Arc<SearchIndex>>>,
    chunks: Vec<RwSignal<Arrival<Arc<NotesChunk>>>>,
    /// Whether each chunk has been asked for (a fetch is under way or done).
    requested: Vec<AtomicBool>,
}

impl BundleParts {
    /// Takes the parts of `bundle` fetched from `bundle_url` (`None`: not fetched): an inline
    /// search index moves out of the bundle, a split one is to be fetched.
    pub fn take_from(bundle: &mut Bundle, bundle_url: Option<&str>) -> BundleParts {
        let files = match (bundle.files.clone(), bundle_url) {
            (Some(files), Some(url)) => Some((files, url.to_owned())),
            _ => None,
        };
        let chunk_count = files.as_ref().map_or(0, |(files, _)| files.notes.len());
        let search = match &files {
            Some(_) => Arrival::Pending,
            None => Arrival::Ready(Arc::new(std::mem::take(&mut bundle.search))),
        };
        BundleParts {
            inner: Arc::new(Parts {
                files,
                search: RwSignal::new(search),
                chunks: (0..chunk_count)
                    .map(|_| RwSignal::new(Arrival::Pending))
                    .collect(),
                requested: (0..chunk_count).map(|_| AtomicBool::new(false)).collect(),
            }),
        }
    }

    /// The search index as it arrives.
    pub fn search(&self) -> RwSignal<Arrival<Arc<SearchIndex>>> {
        self.inner.search
    }

    /// Fetches the search index of a split bundle once the page has painted its first cards,
    /// so the cards never wait for it; marks `recap:search-ready` when it is there.
    pub fn fetch_search_after_paint(&self) {
        let Some((files, base)) = self.inner.files.clone() else {
            return;
        };
        let search = self.inner.search;
        crate::app::after_next_paint(move || {
            leptos::task::spawn_local(async move {
                let arrived = match fetch_bundle_file::<SearchIndex>(&base, &files.search).await {
                    Ok(index) => Arrival::Ready(Arc::new(index)),
                    Err(error) => Arrival::Failed(error),
                };
                let ready = matches!(arrived, Arrival::Ready(_));
                if search.try_set(arrived).is_none() && ready {
                    crate::app::performance_mark("recap:search-ready");
                }
            });
        });
    }

    /// The notes' HTML of `talk` (one per recap, in the order of `talk.notes`), fetching its
    /// chunk the first time it is asked for. Reactive: re-runs when the chunk arrives.
    pub fn notes_html(&self, talk: &Talk) -> Arrival<Vec<String>> {
        let Some(chunk) = talk.notes_chunk.map(|chunk| chunk as usize) else {
            return Arrival::Ready(talk.notes.iter().map(|notes| notes.html.clone()).collect());
        };
        let Some(signal) = self.inner.chunks.get(chunk) else {
            return Arrival::Failed(LoadError::Invalid {
                message: format!(
                    "talk {} names notes chunk {chunk}, which is missing",
                    talk.id
                ),
            });
        };
        self.request(chunk);
        signal.with(|arrival| match arrival {
            Arrival::Pending => Arrival::Pending,
            Arrival::Failed(error) => Arrival::Failed(error.clone()),
            Arrival::Ready(notes) => match notes.html_of(&talk.id) {
                Some(html) => Arrival::Ready(html.to_vec()),
                None => Arrival::Failed(LoadError::Invalid {
                    message: format!("the notes chunk of talk {} does not hold it", talk.id),
                }),
            },
        })
    }

    /// Fetches `talk`'s chunk again after a failure (e.g. the reader was offline).
    pub fn retry_notes(&self, talk: &Talk) {
        if let Some(chunk) = talk.notes_chunk.map(|chunk| chunk as usize)
            && let Some(signal) = self.inner.chunks.get(chunk)
        {
            self.inner.requested[chunk].store(false, Ordering::Relaxed);
            signal.set(Arrival::Pending);
            self.request(chunk);
        }
    }

    /// Starts fetching chunk `chunk` unless that was done already.
    fn request(&self, chunk: usize) {
        let Some((files, base)) = &self.inner.files else {
            return;
        };
        if self.inner.requested[chunk].swap(true, Ordering::Relaxed) {
            return;
        }
        let (file, base) = (files.notes[chunk].clone(), base.clone());
        let signal = self.inner.chunks[chunk];
        leptos::task::spawn_local(async move {
            let arrived = match fetch_bundle_file::<NotesChunk>(&base, &file).await {
                Ok(notes) => Arrival::Ready(Arc::new(notes)),
                Err(error) => Arrival::Failed(error),
            };
            // The viewer may have been unmounted meanwhile.
            let _ = signal.try_set(arrived);
        });
    }
}
