"""The peer of bench/quality-peer.ts: the Fraud Detection Handbook's 15 features and its tuned XGBoost.

Reads a contract-v1 dataset folder (transactions.csv, labels.csv) written by `sentra simulate`,
computes the handbook's features exactly as its chapter 3 code does (pandas time-based rolling
windows, which include the current transaction), trains XGBoost on the training window and writes
one probability per transaction of the scored windows. Sentra's metrics are computed by the
TypeScript side on these probabilities, so both models are judged by the same code on the same rows.

Uses Debian's python3-xgboost and python3-pandas; installs nothing.

    python3 bench/support/quality_peer.py DIR --train 2018-07-25 2018-07-31 \
        --score 2018-08-08 2018-08-14 --delay 7 --out probabilities.csv
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import xgboost

WINDOWS_DAYS = (1, 7, 30)
FEATURES = (
    ["TX_AMOUNT", "TX_DURING_WEEKEND", "TX_DURING_NIGHT"]
    + [f"CUSTOMER_ID_{kind}_{days}DAY_WINDOW" for days in WINDOWS_DAYS for kind in ("NB_TX", "AVG_AMOUNT")]
    + [f"TERMINAL_ID_{kind}_{days}DAY_WINDOW" for days in WINDOWS_DAYS for kind in ("NB_TX", "RISK")]
)
# The handbook's pick for XGBoost (chapter 5, model selection).
# XGBClassifier(n_estimators=50, max_depth=3, learning_rate=0.3) through the native API (no sklearn).
TUNED = {"n_estimators": 50, "max_depth": 3, "learning_rate": 0.3}


def read_dataset(folder):
    transactions = pd.read_csv(
        f"{folder}/transactions.csv",
        usecols=["tx_id", "created_at", "amount", "sender_entity_id", "receiver_entity_id"],
        dtype={"tx_id": str, "sender_entity_id": str, "receiver_entity_id": str, "amount": float},
    )
    transactions["TX_DATETIME"] = pd.to_datetime(transactions["created_at"], utc=True).dt.tz_localize(None)
    labels = pd.read_csv(f"{folder}/labels.csv", usecols=["tx_id", "label", "labeled_at"], dtype={"tx_id": str})
    labels["labeled_at"] = pd.to_datetime(labels["labeled_at"], utc=True)
    # The final verdict of a transaction is its latest label (as Sentra's ground truth).
    final = labels.sort_values("labeled_at", kind="stable").groupby("tx_id")["label"].last()
    fraud = set(final[final == "fraud"].index)
    transactions["TX_FRAUD"] = transactions["tx_id"].isin(fraud).astype(int)
    transactions = transactions.rename(columns={"amount": "TX_AMOUNT", "sender_entity_id": "CUSTOMER_ID", "receiver_entity_id": "TERMINAL_ID"})
    return transactions.sort_values(["TX_DATETIME", "tx_id"], kind="stable").reset_index(drop=True)


def rolling(frame, key, column, days):
    """Sum and count of `column` over each entity's (t - days, t] window (pandas time-based rolling), per row of frame."""
    ordered = frame[[key, "TX_DATETIME", column]].sort_values([key, "TX_DATETIME"], kind="stable")
    windowed = ordered.set_index("TX_DATETIME").groupby(key, sort=True)[column].rolling(f"{days}d")
    sums = windowed.sum()
    counts = windowed.count()
    # groupby(sort=True) emits the groups in key order, each in time order: the order of `ordered`.
    if not np.array_equal(sums.index.get_level_values(0).to_numpy(), ordered[key].to_numpy()):
        raise RuntimeError("rolling windows came back in an unexpected order")
    total = pd.Series(sums.to_numpy(), index=ordered.index).reindex(frame.index)
    count = pd.Series(counts.to_numpy(), index=ordered.index).reindex(frame.index)
    return total, count


def handbook_features(frame, delay_days):
    frame["TX_DURING_WEEKEND"] = (frame["TX_DATETIME"].dt.weekday >= 5).astype(int)
    frame["TX_DURING_NIGHT"] = (frame["TX_DATETIME"].dt.hour <= 6).astype(int)
    for days in WINDOWS_DAYS:
        total, count = rolling(frame, "CUSTOMER_ID", "TX_AMOUNT", days)
        frame[f"CUSTOMER_ID_NB_TX_{days}DAY_WINDOW"] = count
        frame[f"CUSTOMER_ID_AVG_AMOUNT_{days}DAY_WINDOW"] = total / count
    fraud_delay, count_delay = rolling(frame, "TERMINAL_ID", "TX_FRAUD", delay_days)
    for days in WINDOWS_DAYS:
        fraud_window, count_window = rolling(frame, "TERMINAL_ID", "TX_FRAUD", delay_days + days)
        fraud = fraud_window - fraud_delay
        count = count_window - count_delay
        frame[f"TERMINAL_ID_NB_TX_{days}DAY_WINDOW"] = count
        # The handbook fills the undefined risk of an empty window with 0.
        frame[f"TERMINAL_ID_RISK_{days}DAY_WINDOW"] = (fraud / count).fillna(0)
    return frame


def in_window(frame, first_day, last_day):
    start = pd.Timestamp(first_day)
    end = pd.Timestamp(last_day) + pd.Timedelta(days=1)
    return frame[(frame["TX_DATETIME"] >= start) & (frame["TX_DATETIME"] < end)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data")
    parser.add_argument("--train", nargs=2, required=True, metavar=("FROM", "TO"))
    parser.add_argument("--score", nargs=2, action="append", required=True, metavar=("FROM", "TO"))
    parser.add_argument("--delay", type=int, default=7)
    parser.add_argument("--out", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--features-out", help="also write the 15 features of the scored rows (CSV with tx_id)")
    arguments = parser.parse_args()

    started = time.time()
    frame = handbook_features(read_dataset(arguments.data), arguments.delay)
    feature_seconds = time.time() - started
    train = in_window(frame, *arguments.train)
    parameters = {"objective": "binary:logistic", "max_depth": TUNED["max_depth"], "eta": TUNED["learning_rate"], "seed": 0, "nthread": arguments.threads, "verbosity": 0}
    started = time.time()
    training = xgboost.DMatrix(train[FEATURES].to_numpy(dtype=np.float32), label=train["TX_FRAUD"].to_numpy())
    booster = xgboost.train(parameters, training, num_boost_round=TUNED["n_estimators"])
    train_seconds = time.time() - started
    scored = pd.concat([in_window(frame, *window) for window in arguments.score]).drop_duplicates("tx_id")
    probabilities = booster.predict(xgboost.DMatrix(scored[FEATURES].to_numpy(dtype=np.float32)))
    pd.DataFrame({"tx_id": scored["tx_id"], "probability": probabilities}).to_csv(arguments.out, index=False, float_format="%.9g")
    if arguments.features_out is not None:
        scored[["tx_id", *FEATURES]].to_csv(arguments.features_out, index=False, float_format="%.9g")
    gain = booster.get_score(importance_type="total_gain")
    importance = {name: gain.get(f"f{index}", 0.0) for index, name in enumerate(FEATURES)}
    json.dump(
        {
            "xgboost": xgboost.__version__,
            "pandas": pd.__version__,
            "parameters": TUNED,
            "rows": {"all": len(frame), "train": len(train), "train_fraud": int(train["TX_FRAUD"].sum()), "scored": len(scored)},
            "seconds": {"features": round(feature_seconds, 1), "train": round(train_seconds, 1)},
            "importance_total_gain": importance,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
