-- 易地扶贫搬迁户: households relocated out of poverty are a group the policy texts name for closer monitoring
-- (《持续增收通知》第一条); a fact of the household the registry keeps.
ALTER TABLE bf_household ADD COLUMN relocated BOOLEAN NOT NULL DEFAULT FALSE;
