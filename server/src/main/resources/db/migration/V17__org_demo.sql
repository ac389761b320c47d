-- The demo restaurant is the only org whose staff may have the well-known demo PINs (1111, 2222, 9999). Orgs
-- given the demo staff before this column (the desktop's built-in demo, named "Maeve" the manager) stay demos.
ALTER TABLE orgs ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE orgs SET demo = TRUE WHERE org_id IN (SELECT org_id FROM staff WHERE name = 'Maeve' AND role = 'MANAGER');
