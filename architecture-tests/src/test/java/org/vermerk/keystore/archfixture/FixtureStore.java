package org.vermerk.keystore.archfixture;

/** A stand-in keystore class for the fixture of the UI rule. Test fixture only. */
public class FixtureStore {}
