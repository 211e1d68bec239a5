package org.bangfu.region;

public record Region(String code, String name, String level, String parentCode) {
}
