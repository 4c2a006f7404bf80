package io.perfflow.plans;

/** How a plan item's target change is measured against the baseline. */
public enum ChangeUnit {
  /** In the metric's own unit: conversion 3.1 → 5.1 is +2 points. */
  POINTS,
  /** Relative to the baseline: complaints 50 → 45 is −10 %. */
  PERCENT
}
