-- Simulation apart from fact (issue 17, item 8): a database loaded with the
-- GCM demo before this change stored the negotiation simulation's fictional
-- delegations as observer states and their group as a group, and flagged the
-- real GCM draft as simulated. They become their own kinds, and the draft is
-- no longer flagged (only the simulated amendments are). Only the rows the
-- demo loader wrote match: its codes (ISO 3166 user-assigned), its names.
-- Kept in lockstep with store-sqlite/migrations/0014_simulation_and_late_statements.sql.

UPDATE actors SET kind = 'simulated_delegation'
WHERE kind = 'observer_state'
  AND code IN ('XAA', 'XAB', 'XAC', 'XAD', 'XAE', 'XAF')
  AND name LIKE 'Simulated delegation %';

UPDATE actors SET kind = 'simulated_group'
WHERE kind = 'group' AND code = 'SIM-GROUP'
  AND name LIKE 'Simulated group %';

UPDATE drafts SET simulated = FALSE
WHERE slug = 'gcm-draft'
  AND title = 'Global Compact for Safe, Orderly and Regular Migration';

-- Statements checked (issue 17, item 7): a statement the secretariat enters
-- after its meeting's window closed is flagged "filed late".
ALTER TABLE statements ADD COLUMN filed_late BOOLEAN NOT NULL DEFAULT FALSE;
