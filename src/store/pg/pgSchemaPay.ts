/**
 * Migration 10 (issue 20, bench row 18): a terminal's payment as a server-side function, called with
 * the rows the domain planned in TypeScript (pgPayFunction.ts). It claims what the plan was made
 * from and writes the chosen plan's rows, each statement on a plan PL/pgSQL keeps for the
 * connection. It decides nothing the plans do not: SQL only checks that what they were made from
 * still holds.
 *
 * The claim, in the order the one statement took its locks: the session still open with exactly
 * the notes planned (locked); the order still the version read, locked for update, or for share when
 * the plan leaves it as it is; failing that, when there is a second plan (the order paid elsewhere
 * meanwhile), the order as it is now, locked for share, every column as that plan foresaw; then the
 * terminal's receipt counter still at the number read (locked). Anything else: nothing written, no
 * plan returned, and the caller plans again from a fresh read. Each statement of a function in READ
 * COMMITTED sees what was committed before it began, so the order the late payer returns is the one
 * it locked.
 */

/** the parameters, in order: pgPayFunction.ts passes them so (test/store/pgPayFunction.test.ts checks it) */
export const SIGNATURE = `
  p_session text, p_notes int[], p_terminal text, p_counter int, p_seq int,
  p_code text, p_version xid, p_keeps_order boolean,
  p_number text, p_at bigint, p_due text, p_accepted text, p_phone text, p_operator text, p_recovered int, p_names json,
  a_receipt text[], a_order text[], a_events json, a_credits json,
  a_phones text[], a_operators text[], a_amounts text[], a_reasons text[],
  b_expected text[], b_receipt text[],
  b_phones text[], b_operators text[], b_amounts text[], b_reasons text[],
  OUT plan text, OUT senders text[], OUT late_order json`;

export const PAY_FUNCTION_SQL = `
      -- receipt text[]: to_order, to_phone, order_status, owed, code; a_order text[]: the order's new price, status,
      -- paid, owed, stage, refunded, renewed_from, renewed_as, site_order_id (null: the order left as it is);
      -- b_expected text[]: the order paid elsewhere, its 15 columns as text (null: no second plan)
      CREATE FUNCTION pay_terminal_session(${SIGNATURE}) LANGUAGE plpgsql AS $fn$
      DECLARE
        v_receipt text[];
        v_phones text[]; v_operators text[]; v_amounts text[]; v_reasons text[];
        v_account_operator text;
        v_sender text;
      BEGIN
        senders := '{}';
        -- the session's claim is its update: nothing is written before it holds
        UPDATE cash_sessions s SET state = 'paid' WHERE s.id = p_session AND (s.state = 'open') IS TRUE
          AND ARRAY(SELECT note FROM cash_journal j WHERE j.session_id = s.id AND j.kind = 'accepted' ORDER BY j.id) = p_notes;
        IF NOT FOUND THEN RETURN; END IF;
        plan := 'planned';
        IF p_code IS NOT NULL THEN
          IF p_keeps_order THEN
            PERFORM 1 FROM orders o WHERE o.code = p_code AND o.xmin = p_version FOR SHARE;
          ELSE
            UPDATE orders o SET price = a_order[1], status = a_order[2], paid = a_order[3], owed = a_order[4], stage = a_order[5],
              refunded = a_order[6], renewed_from = a_order[7], renewed_as = a_order[8], site_order_id = a_order[9]
              WHERE o.code = p_code AND o.xmin = p_version;
          END IF;
          IF NOT FOUND THEN
            -- from here on a claim that fails undoes the session's update with the whole call
            IF b_expected IS NULL THEN RAISE EXCEPTION USING ERRCODE = 'KP001', MESSAGE = 'the order changed since the payment was planned'; END IF;
            PERFORM 1 FROM orders o WHERE o.code = p_code
              AND ARRAY[o.code_amount, o.price, o.phone, o.issued_at::text, o.region, o.channel, o.status, o.paid, o.owed, o.stage,
                o.refunded, o.renewed_from, o.renewed_as, o.site_order_id, o.top_up_phone] IS NOT DISTINCT FROM b_expected
              FOR SHARE;
            IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'KP001', MESSAGE = 'the order changed otherwise than foreseen'; END IF;
            plan := 'late';
          END IF;
        END IF;
        IF p_counter IS NOT NULL THEN
          UPDATE receipt_counters r SET seq = p_seq WHERE r.terminal_id = p_terminal AND r.seq = p_counter;
          IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = 'KP001', MESSAGE = 'the receipt counter moved since the payment was planned'; END IF;
        ELSE
          -- the terminal's first receipt: a second first receipt at once breaks the key, and the whole call with it
          INSERT INTO receipt_counters (terminal_id, seq) VALUES (p_terminal, p_seq);
        END IF;
        IF plan = 'planned' THEN
          v_receipt := a_receipt; v_phones := a_phones; v_operators := a_operators; v_amounts := a_amounts; v_reasons := a_reasons;
        ELSE
          v_receipt := b_receipt; v_phones := b_phones; v_operators := b_operators; v_amounts := b_amounts; v_reasons := b_reasons;
        END IF;
        INSERT INTO receipts (number, terminal_id, seq, at, code, due, accepted, to_order, to_phone, phone, operator, order_status, owed, recovered, session_id)
          VALUES (p_number, p_terminal, p_seq, p_at, v_receipt[5], p_due, p_accepted, v_receipt[1], v_receipt[2], p_phone, p_operator,
            v_receipt[3], v_receipt[4], p_recovered, p_session);
        IF plan = 'planned' AND a_order IS NOT NULL THEN
          INSERT INTO order_events (code, at, kind, why, amount, ref) SELECT p_code, e.at, e.kind, e.why, e.amount, e.ref
            FROM json_to_recordset(a_events) AS e(at bigint, kind text, why text, amount text, ref text);
          INSERT INTO order_credits (code, receipt, amount, accepted_at, settles_at) SELECT p_code, c.receipt, c.amount, c."acceptedAt", c."settlesAt"
            FROM json_to_recordset(a_credits) AS c(receipt text, amount text, "acceptedAt" bigint, "settlesAt" bigint);
        END IF;
        FOR i IN 1 .. COALESCE(array_length(v_phones, 1), 0) LOOP
          -- the SMS comes from the account's operator: the session's unless the account had one already
          INSERT INTO phone_accounts AS a (phone, operator, balance) VALUES (v_phones[i], v_operators[i], v_amounts[i])
            ON CONFLICT (phone) DO UPDATE SET balance = ((a.balance)::numeric + (EXCLUDED.balance)::numeric)::numeric(16, 2)::text,
              operator = COALESCE(a.operator, EXCLUDED.operator)
            RETURNING a.operator INTO v_account_operator;
          INSERT INTO ledger (phone, at, amount, reason) VALUES (v_phones[i], p_at, v_amounts[i], v_reasons[i]);
          INSERT INTO sms (phone, at, sender, kind, amount, receipt) VALUES (v_phones[i], p_at, p_names ->> v_account_operator, 'topup', v_amounts[i], p_number)
            RETURNING sender INTO v_sender;
          senders := senders || v_sender;
        END LOOP;
        IF plan = 'late' THEN
          SELECT row_to_json(o) INTO late_order FROM (SELECT orders.xmin::text AS version, code, code_amount, price, phone, issued_at, region,
              channel, status, paid, owed, stage, refunded, renewed_from, renewed_as, site_order_id, top_up_phone,
              COALESCE((SELECT json_agg(json_build_object('at', e.at, 'kind', e.kind, 'why', e.why, 'amount', e.amount, 'ref', e.ref) ORDER BY e.id)
                FROM order_events e WHERE e.code = orders.code), '[]') AS history,
              COALESCE((SELECT json_agg(json_build_object('receipt', c.receipt, 'amount', c.amount, 'accepted_at', c.accepted_at, 'settles_at', c.settles_at) ORDER BY c.id)
                FROM order_credits c WHERE c.code = orders.code), '[]') AS credit_rows
            FROM orders WHERE orders.code = p_code) o;
        END IF;
      END
      $fn$;
`;
