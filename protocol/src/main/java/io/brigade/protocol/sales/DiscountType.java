package io.brigade.protocol.sales;

/** Kinds of sale-level discount; Voucher and Loyalty require a code. */
public enum DiscountType { Voucher, Loyalty, Spot, Other }
