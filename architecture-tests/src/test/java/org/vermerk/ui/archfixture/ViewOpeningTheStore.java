package org.vermerk.ui.archfixture;

import org.vermerk.keystore.archfixture.FixtureStore;

/** A deliberate violation: a view that opens the store itself. Test fixture only. */
public class ViewOpeningTheStore {
    public Object open() {
        return new FixtureStore();
    }
}
