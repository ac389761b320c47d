package io.brigade.protocol.sales;

/** Kinds of surcharge on a sale. */
public enum ChargeType { Delivery, Service, Tip, Other }
