/**
 * Authoring exercises, for both faces: a bundle zip is read (size cap, safe archive, schema),
 * validated by the engine (the references run and agree and show the speed-up the exercise claims)
 * and stored as a new version only when it passes. The API and the portal call
 * {@link org.paragrade.authoring.BundleAuthoring} and show the same refusals: {@code BundleRefused}
 * (400, with reasons), {@link org.paragrade.authoring.BundleFailedValidation} (400, with the report),
 * {@link org.paragrade.authoring.BundleTooLarge} (413), {@link org.paragrade.authoring.ExerciseExists} (409).
 * An exercise's published flag, deadline and attempt limit are settings, not versions:
 * {@link org.paragrade.curriculum.ExerciseSettings}.
 */
package org.paragrade.authoring;
