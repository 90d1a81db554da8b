-- One person, one counter (R-09 sign-in, R-25 工号牌): a member of staff is signed in to at most
-- one window at a time, in any hall, so the board never shows one person at two counters.
-- openWindow takes the person's row lock and answers 409 already_signed_in; this index is what
-- makes the rule hold for any writer and any race.
--
-- Before this rule a person could open a second window while still signed in to the first.
-- Such doubles are ended here, keeping each person's latest sign-in: the earlier session is
-- closed (closed_by null: nobody closed it by hand). Its window keeps its status and its
-- tickets — a migration writes no service log, so it changes no more than the index needs; a
-- manager can step in at that window or close it, and the person signs in properly.
update window_sessions earlier
set closed_at = now()
where earlier.closed_at is null
  and exists (
    select 1 from window_sessions later
    where later.user_id = earlier.user_id
      and later.closed_at is null
      and (later.opened_at, later.id) > (earlier.opened_at, earlier.id)
  );

create unique index window_sessions_one_per_person on window_sessions (user_id) where closed_at is null;
