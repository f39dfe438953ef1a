//! Binary entry point for Trunk: everything lives in the library.
fn main() {
    recap_viewer::start();
}
