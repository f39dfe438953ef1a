//! Recap Viewer app (placeholder until the app lands).
