"""The care screens (关怀): the due list page, its dialogs, the background scan, the notice."""
