#!/usr/bin/env python3
"""Independent reference in Python's scientific stack, for checking the project's models, metrics and
clustering against scikit-learn and XGBoost on the same exported data. A measuring instrument for
`npm run bench` and `npm run export`, never imported by the product or its tests.

The shared peer script that ../shared/README.md describes (peer/reference.py) is absent from this
workplace; this one follows the same command line:

  peer.py train invoices.csv --target paid_late --split-col invoice_date [--exclude a,b] [--features a,b]
          [--train-cap N] [--test-csv test.csv] [--jobs N]
  peer.py --predictions scores.csv             (columns y_true,y_score)
  peer.py cluster customers.csv --columns a,b,c [--labels labels.csv] [--label-columns k2,k3,...] [--jobs N]
          [--seeds 20]

--jobs N caps every model's threads (n_jobs, and OpenMP for HistGradientBoosting); without it the
models use their own defaults (random forest and XGBoost 2 jobs, HistGradientBoosting every core).
--label-columns scores given labellings (ours, one column per k) with scikit-learn's silhouette and
with their inertia in the same standardised space, next to scikit-learn's own k-means.
--seeds N also fits k-means with random_state 0..N-1 and reports the range of inertia and silhouette its
own seeds reach: at large k, solutions within 2 % of each other's inertia differ in silhouette by up to
0.046 on the default customer table, so one seed's silhouette is not a yardstick there.

Needs Debian's python3-sklearn, python3-pandas and python3-xgboost; run with /usr/bin/python3.
"""
import argparse
import json
import sys
import time

from contextlib import nullcontext

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, f1_score,
                             log_loss, precision_score, recall_score, roc_auc_score, silhouette_score)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def metrics(y_true, y_score, threshold=0.5):
    y_pred = (np.asarray(y_score) >= threshold).astype(int)
    return {
        "n": int(len(y_true)),
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": precision_score(y_true, y_pred, zero_division=0),
        "recall": recall_score(y_true, y_pred, zero_division=0),
        "f1": f1_score(y_true, y_pred, zero_division=0),
        "roc_auc": roc_auc_score(y_true, y_score),
        "pr_auc": average_precision_score(y_true, y_score),
        "brier": brier_score_loss(y_true, y_score),
        "log_loss": log_loss(y_true, np.clip(y_score, 1e-15, 1 - 1e-15)),
    }


def models(seed, jobs=None):
    jobs = jobs or 2
    out = {
        "logistic_regression": make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000)),
        "random_forest": RandomForestClassifier(n_estimators=200, min_samples_leaf=5, n_jobs=jobs, random_state=seed),
        "hist_gradient_boosting": HistGradientBoostingClassifier(random_state=seed),
    }
    try:
        from xgboost import XGBClassifier
        out["xgboost"] = XGBClassifier(n_estimators=200, learning_rate=0.1, max_depth=6, tree_method="hist",
                                       n_jobs=jobs, random_state=seed, eval_metric="logloss")
    except ImportError:
        pass
    return out


def train(args):
    data = pd.read_csv(args.csv)
    target = args.target
    if args.test_csv:
        train_df, test_df = data, pd.read_csv(args.test_csv)
    else:
        data = data.sort_values(args.split_col, kind="mergesort").reset_index(drop=True)
        cut = int(len(data) * (1 - args.test_share))
        train_df, test_df = data.iloc[:cut], data.iloc[cut:]
    if args.train_cap:
        train_df = train_df.iloc[-args.train_cap:]
    exclude = set(filter(None, (args.exclude or "").split(","))) | {target}
    if args.split_col:
        exclude.add(args.split_col)
    features = [c for c in (args.features.split(",") if args.features else train_df.columns) if c not in exclude]
    x_train = pd.get_dummies(train_df[features], dtype=float)
    x_test = pd.get_dummies(test_df[features], dtype=float).reindex(columns=x_train.columns, fill_value=0.0)
    y_train, y_test = train_df[target].astype(int).values, test_df[target].astype(int).values
    result = {"train_rows": int(len(x_train)), "test_rows": int(len(x_test)), "features": int(x_train.shape[1]),
              "jobs": args.jobs, "models": {}}
    for name, model in models(args.seed, args.jobs).items():
        with thread_limit(args.jobs):
            t0, c0 = time.perf_counter(), time.process_time()
            model.fit(x_train.values, y_train)
            fit, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
            t0, c0 = time.perf_counter(), time.process_time()
            score = model.predict_proba(x_test.values)[:, 1]
            predict, predict_cpu = time.perf_counter() - t0, time.process_time() - c0
        # CPU seconds sum every thread's; with --jobs 1 they are what a busy machine does not inflate.
        result["models"][name] = {**metrics(y_test, score), "fit_seconds": fit, "predict_seconds": predict,
                                  "fit_cpu_seconds": fit_cpu, "predict_cpu_seconds": predict_cpu}
    print(json.dumps(result, indent=2))


def thread_limit(jobs):
    if not jobs:
        return nullcontext()
    from threadpoolctl import threadpool_limits
    return threadpool_limits(limits=jobs)


def labelling_inertia(x, labels):
    return float(sum(((x[labels == c] - x[labels == c].mean(axis=0)) ** 2).sum() for c in np.unique(labels)))


def predictions(args):
    data = pd.read_csv(args.predictions)
    print(json.dumps(metrics(data["y_true"].astype(int).values, data["y_score"].values, args.threshold), indent=2))


def seed_run(x, k, seed, jobs):
    with thread_limit(jobs):
        km = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(x)
    return float(km.inertia_), float(silhouette_score(x, km.labels_))


def cluster(args):
    data = pd.read_csv(args.csv)
    columns = args.columns.split(",")
    x = StandardScaler().fit_transform(data[columns].values)
    result = {"rows": int(len(x)), "k": {}}
    for k in range(2, 11):
        t0 = time.perf_counter()
        with thread_limit(args.jobs):
            km = KMeans(n_clusters=k, n_init=10, random_state=args.seed).fit(x)
        result["k"][str(k)] = {"inertia": float(km.inertia_), "silhouette": float(silhouette_score(x, km.labels_)),
                               "seconds": time.perf_counter() - t0}
        if args.seeds:
            runs = [seed_run(x, k, seed, args.jobs) for seed in range(args.seeds)]
            result["k"][str(k)]["seeds"] = {"n": args.seeds,
                                            "inertia": [min(r[0] for r in runs), max(r[0] for r in runs)],
                                            "silhouette": [min(r[1] for r in runs), max(r[1] for r in runs)]}
    pca = PCA(n_components=min(len(columns), 5)).fit(x)
    result["pca_explained_variance_ratio"] = [float(v) for v in pca.explained_variance_ratio_]
    if args.labels:
        labels = pd.read_csv(args.labels).iloc[:, -1].values
        result["labels_silhouette"] = float(silhouette_score(x, labels))
    if args.label_columns:
        result["labellings"] = {}
        for column in args.label_columns.split(","):
            labels = data[column].values
            result["labellings"][column] = {"k": int(len(np.unique(labels))), "inertia": labelling_inertia(x, labels),
                                            "silhouette": float(silhouette_score(x, labels))}
    print(json.dumps(result, indent=2))


def main(argv):
    if "--predictions" in argv:
        parser = argparse.ArgumentParser()
        parser.add_argument("--predictions", required=True)
        parser.add_argument("--threshold", type=float, default=0.5)
        return predictions(parser.parse_args(argv))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train")
    t.add_argument("csv")
    t.add_argument("--target", default="paid_late")
    t.add_argument("--split-col", default="invoice_date")
    t.add_argument("--test-share", type=float, default=0.25)
    t.add_argument("--test-csv")
    t.add_argument("--features")
    t.add_argument("--exclude")
    t.add_argument("--train-cap", type=int)
    t.add_argument("--seed", type=int, default=42)
    t.add_argument("--jobs", type=int)
    c = sub.add_parser("cluster")
    c.add_argument("csv")
    c.add_argument("--columns", required=True)
    c.add_argument("--labels")
    c.add_argument("--label-columns")
    c.add_argument("--jobs", type=int)
    c.add_argument("--seed", type=int, default=42)
    c.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args(argv)
    return train(args) if args.command == "train" else cluster(args)


if __name__ == "__main__":
    main(sys.argv[1:])
