package org.bangfu.supportindustry;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A support industry or project (帮扶产业项目) of a county: what it is, who runs it, what was invested, its state. */
public record SupportProject(Long id, String projectNo, String countyCode, String villageCode, String name,
    String industry, String operatorName, String fundSource, BigDecimal investment, String assetOwner, int builtYear,
    String status, String category, String createdBy, LocalDateTime createdAt, LocalDateTime updatedAt) {
}
