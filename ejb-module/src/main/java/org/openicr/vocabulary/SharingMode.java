package org.openicr.vocabulary;

/** Whether a partner organisation both contributes data and views it, or only views. */
public enum SharingMode {
    SHARE_AND_VIEW,
    VIEW_ONLY
}
