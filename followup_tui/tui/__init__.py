"""The Textual shell: screens and widgets over the pure core. Only this package imports Textual."""
