-- Import jobs moved to the platform (platform.import_job, platform.import_file, platform.import_row_result), where
-- the catalog's products and stock imports and the price list imports share one queue, worker and report.
-- The catalog's own job tables are dropped with what they held: jobs are a working queue, not a record, so
-- existing jobs (finished or not) and their uploaded files are deliberately not carried over. A job that was
-- queued or running when this ran is lost: upload its file again.

drop table catalog.import_row_result;
drop table catalog.import_job;
drop table catalog.import_file;
